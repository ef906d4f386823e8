package dev.vmodb.samples.marketplace.driver.shop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vmodb.samples.marketplace.audit.Journal.Interval;

/**
 * Sends the workload's requests asynchronously and times each from just before it is handed to the HTTP client to
 * the moment its whole answer has arrived, on the driver's one clock ({@link System#nanoTime()}).
 */
public final class ShopClient {

	private final HttpClient http;

	private final String baseUrl;

	private final Duration requestTimeout;

	private final AtomicInteger outstanding = new AtomicInteger();

	public ShopClient(HttpClient http, String baseUrl, Duration requestTimeout) {
		this.http = http;
		this.baseUrl = baseUrl;
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Sends a request; the future always completes normally, with a status of {@code 0} when no answer came.
	 * @param method the HTTP method
	 * @param path the path from the base URL, starting with {@code /}
	 * @param body the JSON body, or {@code null} for none
	 * @return the answer
	 */
	public CompletableFuture<Answer> send(String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(this.requestTimeout)
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, BodyPublishers.ofByteArray(ShopJson.mapper().writeValueAsBytes(body)));
		}
		else {
			request.method(method, BodyPublishers.noBody());
		}
		this.outstanding.incrementAndGet();
		long sent = System.nanoTime();
		return this.http.sendAsync(request.build(), BodyHandlers.ofString()).handle((response, failure) -> {
			long answered = System.nanoTime();
			this.outstanding.decrementAndGet();
			Interval at = new Interval(sent, answered);
			if (failure != null) {
				return new Answer(0, "", at, describe(failure));
			}
			return new Answer(response.statusCode(), response.body(), at, null);
		});
	}

	/** Requests sent and not yet answered. */
	public int outstanding() {
		return this.outstanding.get();
	}

	private static String describe(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

}
