package dev.vmodb.samples.marketplace.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import dev.vmodb.core.api.InvalidInputException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;

/**
 * Submits a request's input event, waits for its batch's commit decision and turns it into a response. Aborts and
 * refusals are left to {@link ApiExceptionHandler}: both are thrown here.
 *
 * <p>The request's thread waits for the outcome instead of handing the servlet container a future. A future makes
 * Spring MVC dispatch the request a second time through the filters and the dispatcher servlet once it completes,
 * which cost about a third of the shop's HTTP CPU under the load driver; a parked thread costs nothing while it
 * waits. The container's thread pool ({@code server.tomcat.threads.max}) therefore bounds the transactions the API
 * keeps waiting at once; requests beyond it queue in the container.
 */
@Component
class Submissions {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** The longest key {@code submit} accepts. */
	static final int MAX_KEY_LENGTH = 200;

	/** How long a request waits for its outcome (what the container's asynchronous requests allowed before). */
	static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(30);

	private final VmsClient client;

	Submissions(VmsClient client) {
		this.client = client;
	}

	/**
	 * Submits the event, under the key when the caller sent one, so that a retried request runs at most once, and
	 * answers once the transaction's batch is decided.
	 */
	ResponseEntity<TransactionResponse> submit(String event, Record payload, String idempotencyKey,
			HttpStatus onCommit) {
		// submit refuses such a key with a bare IllegalArgumentException; name the header so the caller gets a 400
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
			throw new InvalidInputException(event,
					List.of(IDEMPOTENCY_KEY + ": must not be blank nor longer than " + MAX_KEY_LENGTH + " characters"));
		}
		var future = (idempotencyKey == null) ? this.client.submit(event, payload)
				: this.client.submit(event, payload, idempotencyKey);
		TransactionResult result;
		try {
			result = future.get(OUTCOME_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause; // an abort or an unavailable log, answered by ApiExceptionHandler
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "No outcome of " + event + " within "
					+ OUTCOME_TIMEOUT.toSeconds() + " s; the transaction may still commit");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"Interrupted while waiting for the outcome of " + event + "; the transaction may still commit");
		}
		return ResponseEntity.status(onCommit).body(TransactionResponse.of(result));
	}

}
