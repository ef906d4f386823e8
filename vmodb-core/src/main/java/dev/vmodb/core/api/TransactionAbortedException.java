package dev.vmodb.core.api;

/**
 * Tells a submitter its transaction aborted: no VMS kept any of its writes.
 */
public class TransactionAbortedException extends RuntimeException {

	private final long tid;

	private final String vms;

	private final String handler;

	public TransactionAbortedException(long tid, String vms, String handler, String reason, Throwable cause) {
		super("Transaction " + tid + " aborted in VMS '" + vms + "' by " + handler + ": " + reason, cause);
		this.tid = tid;
		this.vms = vms;
		this.handler = handler;
	}

	public long tid() {
		return this.tid;
	}

	public String vms() {
		return this.vms;
	}

	public String handler() {
		return this.handler;
	}

}
