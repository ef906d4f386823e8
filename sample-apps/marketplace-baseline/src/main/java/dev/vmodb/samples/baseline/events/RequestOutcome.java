package dev.vmodb.samples.baseline.events;

import java.util.Map;

/**
 * What a request's last handler reports: done (with the terminal events by name) or failed (where and why).
 *
 * @param requestId the request
 * @param failed whether it failed
 * @param service the service that failed it, if it failed
 * @param reason why, if it failed
 * @param output the terminal events by name, if it succeeded
 */
public record RequestOutcome(String requestId, boolean failed, String service, String reason,
		Map<String, Object> output) {

	public static RequestOutcome done(String requestId) {
		return new RequestOutcome(requestId, false, null, null, Map.of());
	}

	public static RequestOutcome done(String requestId, String event, Object payload) {
		return new RequestOutcome(requestId, false, null, null, Map.of(event, payload));
	}

	public static RequestOutcome failed(String requestId, String service, String reason) {
		return new RequestOutcome(requestId, true, service, reason, Map.of());
	}

}
