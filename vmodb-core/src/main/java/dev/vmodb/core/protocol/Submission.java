package dev.vmodb.core.protocol;

/**
 * One submitted input event.
 *
 * @param event the event name
 * @param payload the encoded event record
 * @param idempotencyKey the submitter's key for the request, or {@code null}: a request whose key the coordinator
 * has sequenced before is answered with the first outcome instead of running again
 */
public record Submission(String event, byte[] payload, String idempotencyKey) {

	/**
	 * A submission without an idempotency key.
	 * @param event the event name
	 * @param payload the encoded event record
	 */
	public Submission(String event, byte[] payload) {
		this(event, payload, null);
	}

}
