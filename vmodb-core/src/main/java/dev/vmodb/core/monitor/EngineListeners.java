package dev.vmodb.core.monitor;

import java.util.List;

/** Several listeners told in order; see {@link EngineListener#all(List)}. */
record EngineListeners(List<EngineListener> listeners) implements EngineListener {

	@Override
	public void transactionFinished(String event, Outcome outcome, long nanos) {
		this.listeners.forEach(listener -> listener.transactionFinished(event, outcome, nanos));
	}

	@Override
	public void batchCommitted(long batch, int transactions, long nanos) {
		this.listeners.forEach(listener -> listener.batchCommitted(batch, transactions, nanos));
	}

	@Override
	public void batchRerun(long batch, long transactions) {
		this.listeners.forEach(listener -> listener.batchRerun(batch, transactions));
	}

	@Override
	public void transactionAborted(String vms, String handler, String reasonClass) {
		this.listeners.forEach(listener -> listener.transactionAborted(vms, handler, reasonClass));
	}

	@Override
	public void checkpointWritten(String vms, long nanos) {
		this.listeners.forEach(listener -> listener.checkpointWritten(vms, nanos));
	}

	@Override
	public void roleStalled(String role, String reason) {
		this.listeners.forEach(listener -> listener.roleStalled(role, reason));
	}

}
