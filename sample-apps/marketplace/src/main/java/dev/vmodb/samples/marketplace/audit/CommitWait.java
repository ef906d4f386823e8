package dev.vmodb.samples.marketplace.audit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.vmodb.autoconfigure.VmsRuntimes;
import dev.vmodb.core.runtime.VmsRuntime;

/**
 * Waits until every VMS of the application has committed a transaction. The caller's future completes when the
 * coordinator's commit decision is in the log; each VMS applies that decision when it reads it, a moment later, so
 * a read right after an answer could miss the transaction in some VMS. Every VMS reads every decision and advances its
 * commit mark for every batch, those it took no part in too, so the marks of all VMSs reach every TID.
 */
@Component
class CommitWait {

	/** Short enough not to add to a snapshot's time, long enough not to spin. */
	private static final long POLL_MILLIS = 2;

	private final VmsRuntimes runtimes;

	CommitWait(VmsRuntimes runtimes) {
		this.runtimes = runtimes;
	}

	/**
	 * Waits until every VMS has committed the batch holding a TID.
	 * @param tid the TID
	 * @param timeout how long to wait at most
	 * @return whether they all did in time
	 */
	boolean awaitAll(long tid, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!allCommitted(tid)) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/** The last committed TID of each VMS, by name. */
	Map<String, Long> committedTids() {
		Map<String, Long> tids = new LinkedHashMap<>();
		for (VmsRuntime runtime : this.runtimes.all()) {
			tids.put(runtime.name(), runtime.store().committed().tid());
		}
		return tids;
	}

	private boolean allCommitted(long tid) {
		return this.runtimes.all().stream().allMatch((runtime) -> runtime.store().committed().tid() >= tid);
	}

}
