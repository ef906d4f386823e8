package dev.vmodb.core.api;

import java.util.Objects;

/**
 * Thrown by {@link VmsTransaction#abort(String)} to abort the running transaction on purpose, for a business rule
 * rather than a bug. The runtime reports its {@link #reason()} as the abort reason as it stands, without the
 * exception class name it adds for other failures.
 *
 * <p>It is control flow, not an error, and business aborts can be frequent (insufficient stock, overdrafts), so it
 * records no stack trace.
 */
public class TransactionAbortRequest extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String reason;

	/**
	 * Creates a request to abort the running transaction.
	 * @param reason why, for the submitter; not blank
	 */
	public TransactionAbortRequest(String reason) {
		super(requireReason(reason), null, false, false);
		this.reason = reason;
	}

	private static String requireReason(String reason) {
		if (Objects.requireNonNull(reason, "reason").isBlank()) {
			throw new IllegalArgumentException("An abort needs a reason the submitter can read");
		}
		return reason;
	}

	/**
	 * Why the transaction aborts, as the handler put it.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

}
