package dev.vmodb.samples.crash;

import dev.vmodb.samples.demo.events.TransferEvents.Deposit;
import dev.vmodb.samples.demo.events.TransferEvents.Transfer;

/**
 * One transaction the driver submitted and what its future said. Written by the driver's threads, read after
 * the run (or, for the commit times, while it runs).
 */
final class Submitted {

	enum Outcome {

		/** No answer yet; after the run: no answer at all, in doubt. */
		PENDING,

		/** The future completed with a result. */
		COMMITTED,

		/** The future failed with {@code TransactionAbortedException}. */
		ABORTED,

		/** The future failed with anything else (the submission could not be logged, the client closed). */
		FAILED,

		/** {@code submit} threw: nothing was logged. */
		REFUSED

	}

	private final Record payload;

	private final long submittedAt;

	private volatile Outcome outcome = Outcome.PENDING;

	private volatile long completedAt;

	private volatile long tid;

	private volatile long batch;

	private volatile String detail;

	Submitted(Record payload, long submittedAt) {
		this.payload = payload;
		this.submittedAt = submittedAt;
	}

	void complete(Outcome outcome, long tid, long batch, String detail) {
		this.tid = tid;
		this.batch = batch;
		this.detail = detail;
		this.completedAt = System.nanoTime();
		this.outcome = outcome;
	}

	boolean isTransfer() {
		return this.payload instanceof Transfer;
	}

	Transfer transfer() {
		return (Transfer) this.payload;
	}

	Deposit deposit() {
		return (Deposit) this.payload;
	}

	long submittedAt() {
		return this.submittedAt;
	}

	Outcome outcome() {
		return this.outcome;
	}

	long completedAt() {
		return this.completedAt;
	}

	long tid() {
		return this.tid;
	}

	long batch() {
		return this.batch;
	}

	String detail() {
		return this.detail;
	}

	@Override
	public String toString() {
		String what = isTransfer() ? "transfer " + transfer().transferId() : deposit().toString();
		return what + " (" + this.outcome + ((this.tid != 0) ? ", tid " + this.tid : "")
				+ ((this.batch != 0) ? ", batch " + this.batch : "") + ((this.detail != null) ? ", " + this.detail : "")
				+ ")";
	}

}
