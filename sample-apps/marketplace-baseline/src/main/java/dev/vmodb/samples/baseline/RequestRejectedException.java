package dev.vmodb.samples.baseline;

/**
 * A request the first service refuses in its own transaction (an empty cart, an unknown product): answered 409 at
 * once, nothing published.
 */
public class RequestRejectedException extends RuntimeException {

	private final String service;

	private final String reason;

	public RequestRejectedException(String service, String reason) {
		super("Request rejected by service '" + service + "': " + reason);
		this.service = service;
		this.reason = reason;
	}

	public static void rejectIf(boolean condition, String service, String reason) {
		if (condition) {
			throw new RequestRejectedException(service, reason);
		}
	}

	public String service() {
		return this.service;
	}

	public String reason() {
		return this.reason;
	}

}
