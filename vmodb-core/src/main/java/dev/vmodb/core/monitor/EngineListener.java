package dev.vmodb.core.monitor;

import java.util.List;

/**
 * Told of the engine's moments worth timing or counting. Called on the engine's own threads, often while a role
 * holds its lock: implementations must return quickly and must not call back into the engine or block.
 * Every method does nothing by default.
 */
public interface EngineListener {

	/** A listener that ignores everything. */
	EngineListener NONE = new EngineListener() {
	};

	/**
	 * A submitted transaction reached its outcome at the client that submitted it.
	 * @param event the input event it was submitted with
	 * @param outcome how it ended
	 * @param nanos the time from its submission to its outcome
	 */
	default void transactionFinished(String event, Outcome outcome, long nanos) {
	}

	/**
	 * The coordinator wrote a batch's commit decision.
	 * @param batch the batch
	 * @param transactions how many transactions it holds (committed and aborted)
	 * @param nanos the time from its sealing (or from the coordinator's resume, for a batch sealed before) to the
	 * decision
	 */
	default void batchCommitted(long batch, int transactions, long nanos) {
	}

	/**
	 * The coordinator decided to run a batch again from a transaction that read a version of an aborted one.
	 * @param batch the batch
	 * @param transactions how many transactions run again
	 */
	default void batchRerun(long batch, long transactions) {
	}

	/**
	 * A transaction aborted in a committed batch (counted once, when the coordinator decides the batch).
	 * @param vms where it failed ({@code ""} when the coordinator rejected it)
	 * @param handler the handler that failed ({@code ""} when the coordinator rejected it)
	 * @param reasonClass a bounded class of the reason: the exception type, {@code explicit} for an abort a handler
	 * asked for, {@code rejected} for the coordinator's
	 */
	default void transactionAborted(String vms, String handler, String reasonClass) {
	}

	/**
	 * A VMS wrote a checkpoint.
	 * @param vms the VMS
	 * @param nanos how long writing it took
	 */
	default void checkpointWritten(String vms, long nanos) {
	}

	/**
	 * A role can no longer make progress until its process restarts (say, the log refused one of its protocol
	 * records for good).
	 * @param role the role: {@code coordinator}, {@code client}, {@code log} or {@code vms:<name>}
	 * @param reason what happened
	 */
	default void roleStalled(String role, String reason) {
	}

	/**
	 * A listener that tells each of several, in order.
	 * @param listeners the listeners
	 * @return one listener
	 */
	static EngineListener all(List<? extends EngineListener> listeners) {
		List<EngineListener> copy = List.copyOf(listeners);
		if (copy.isEmpty()) {
			return NONE;
		}
		if (copy.size() == 1) {
			return copy.get(0);
		}
		return new EngineListeners(copy);
	}

}
