package dev.vmodb.samples.baseline.api;

/**
 * A request that failed: refused by its first service, or failed further down the flow (a reservation, a payment).
 */
public class RequestFailedException extends RuntimeException {

	private final long tid;

	private final String service;

	private final String reason;

	RequestFailedException(long tid, String service, String reason) {
		super("Request " + tid + " failed in service '" + service + "': " + reason);
		this.tid = tid;
		this.service = service;
		this.reason = reason;
	}

	public long tid() {
		return this.tid;
	}

	public String service() {
		return this.service;
	}

	public String reason() {
		return this.reason;
	}

}
