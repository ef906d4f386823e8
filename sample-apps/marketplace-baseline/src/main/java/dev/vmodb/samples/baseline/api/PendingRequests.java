package dev.vmodb.samples.baseline.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.vmodb.samples.baseline.events.RequestOutcome;
import dev.vmodb.samples.baseline.events.Topics;

/**
 * The HTTP requests whose flows are still running: each waits for its last handlers' outcomes on the results topic
 * (one per branch that ends the flow), then answers. Requests are numbered in arrival order; that number is the
 * answer's {@code tid}.
 */
@Component
public class PendingRequests {

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final Duration timeout;

	PendingRequests(@Value("${marketplace.request-timeout:30s}") Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Starts a request whose flow ends in the given number of outcomes.
	 * @param outcomes how many handlers report before it is done (the first failure ends it at once)
	 * @return the request
	 */
	public Pending start(int outcomes) {
		Pending request = new Pending(UUID.randomUUID().toString(), this.sequence.incrementAndGet(), outcomes);
		if (outcomes > 0) {
			this.pending.put(request.id, request);
			request.future.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.whenComplete((response, failure) -> this.pending.remove(request.id));
		}
		return request;
	}

	/** The highest number given to a request so far. */
	public long lastTid() {
		return this.sequence.get();
	}

	@KafkaListener(id = "api.request-results", topics = Topics.RESULTS)
	void onOutcome(RequestOutcome outcome) {
		Pending request = this.pending.get(outcome.requestId());
		if (request != null) {
			request.report(outcome);
		}
	}

	/** One request in flight. */
	public static final class Pending {

		private final String id;

		private final long tid;

		private int remaining;

		private final Map<String, Object> output = new LinkedHashMap<>();

		private final CompletableFuture<TransactionResponse> future = new CompletableFuture<>();

		private Pending(String id, long tid, int outcomes) {
			this.id = id;
			this.tid = tid;
			this.remaining = outcomes;
		}

		public String id() {
			return this.id;
		}

		public long tid() {
			return this.tid;
		}

		/** Done now: the request's only work was its first local transaction. */
		public CompletableFuture<TransactionResponse> completeNow() {
			this.future.complete(new TransactionResponse(this.tid, TransactionResponse.NO_BATCH, Map.of()));
			return this.future;
		}

		/** Failed before anything was published. */
		public CompletableFuture<TransactionResponse> failNow(String service, String reason) {
			this.future.completeExceptionally(new RequestFailedException(this.tid, service, reason));
			return this.future;
		}

		public CompletableFuture<TransactionResponse> future() {
			return this.future;
		}

		private synchronized void report(RequestOutcome outcome) {
			if (outcome.failed()) {
				this.future.completeExceptionally(new RequestFailedException(this.tid, outcome.service(),
						outcome.reason()));
				return;
			}
			this.output.putAll(outcome.output());
			if (--this.remaining == 0) {
				this.future.complete(new TransactionResponse(this.tid, TransactionResponse.NO_BATCH, Map.copyOf(this.output)));
			}
		}

	}

}
