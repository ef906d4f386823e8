package dev.vmodb.samples.marketplace.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import dev.vmodb.core.api.InvalidInputException;
import dev.vmodb.core.api.VmsClient;

/**
 * Submits a request's input event and turns the commit into a response. Aborts and refusals are left to
 * {@link ApiExceptionHandler}: a refusal is thrown here, an abort fails the returned future.
 */
@Component
class Submissions {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** The longest key {@code submit} accepts. */
	static final int MAX_KEY_LENGTH = 200;

	private final VmsClient client;

	Submissions(VmsClient client) {
		this.client = client;
	}

	/**
	 * Submits the event, under the key when the caller sent one, so that a retried request runs at most once.
	 */
	CompletableFuture<ResponseEntity<TransactionResponse>> submit(String event, Record payload, String idempotencyKey,
			HttpStatus onCommit) {
		// submit refuses such a key with a bare IllegalArgumentException; name the header so the caller gets a 400
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
			throw new InvalidInputException(event,
					List.of(IDEMPOTENCY_KEY + ": must not be blank nor longer than " + MAX_KEY_LENGTH + " characters"));
		}
		var future = (idempotencyKey == null) ? this.client.submit(event, payload)
				: this.client.submit(event, payload, idempotencyKey);
		return future.thenApply((result) -> ResponseEntity.status(onCommit).body(TransactionResponse.of(result)));
	}

}
