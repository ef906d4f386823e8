package dev.vmodb.core.api;

/**
 * Tells a submitter its transaction aborted: no VMS kept any of its writes.
 *
 * <p>Its message says where and why, for example {@code Transaction 17 aborted in VMS 'stock', handler
 * 'StockService.reserve': insufficient stock}. The reason is what the handler gave to
 * {@link VmsTransaction#abort(String)}, or the exception it threw (class name and message), such as a constraint
 * an entity write violated.
 */
public class TransactionAbortedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final long tid;

	private final String vms;

	private final String handler;

	private final String reason;

	/**
	 * Creates the exception a submitter's future completes with.
	 * @param tid the transaction
	 * @param vms the VMS where it aborted, or {@code ""} when the coordinator refused it
	 * @param handler the handler that aborted it ({@code Class.method}), or {@code ""} when the coordinator refused it
	 * @param reason why
	 * @param cause the failure behind it when known in this process, usually {@code null}
	 */
	public TransactionAbortedException(long tid, String vms, String handler, String reason, Throwable cause) {
		super(message(tid, vms, handler, reason), cause);
		this.tid = tid;
		this.vms = vms;
		this.handler = handler;
		this.reason = reason;
	}

	private static String message(long tid, String vms, String handler, String reason) {
		if (vms == null || vms.isEmpty()) {
			return "Transaction " + tid + " refused by the coordinator: " + reason;
		}
		return "Transaction " + tid + " aborted in VMS '" + vms + "', handler '" + handler + "': " + reason;
	}

	/**
	 * The transaction's id.
	 * @return its place in the serial order
	 */
	public long tid() {
		return this.tid;
	}

	/**
	 * Where it aborted.
	 * @return the VMS name, or {@code ""} when the coordinator refused the transaction
	 */
	public String vms() {
		return this.vms;
	}

	/**
	 * Which handler aborted it.
	 * @return {@code Class.method}, or {@code ""} when the coordinator refused the transaction
	 */
	public String handler() {
		return this.handler;
	}

	/**
	 * Why it aborted, without the where.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

}
