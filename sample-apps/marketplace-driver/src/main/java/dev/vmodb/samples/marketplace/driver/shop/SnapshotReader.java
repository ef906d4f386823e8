package dev.vmodb.samples.marketplace.driver.shop;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.OptionalLong;

import dev.vmodb.samples.marketplace.audit.ShopSnapshot;

/**
 * Reads the shop's committed state from {@code GET /audit/snapshot[?tid=N]}, waiting while the shop is not up yet
 * or still loading (503 with {@code Retry-After}). The snapshot is streamed into the records, not held as text: a
 * long run leaves hundreds of thousands of rows.
 */
public final class SnapshotReader {

	/** Between two waiting lines, so a long load does not flood the console. */
	private static final Duration WAITING_LINE_EVERY = Duration.ofSeconds(10);

	private final HttpClient http;

	private final String baseUrl;

	private final Duration waitAtMost;

	private final PrintStream out;

	public SnapshotReader(HttpClient http, String baseUrl, Duration waitAtMost, PrintStream out) {
		this.http = http;
		this.baseUrl = baseUrl;
		this.waitAtMost = waitAtMost;
		this.out = out;
	}

	/**
	 * Reads a snapshot.
	 * @param tid the transaction the snapshot must include (the shop waits until every VMS committed it), or empty
	 * for the state as it is
	 * @return the snapshot
	 * @throws ShopUnavailableException when the shop does not answer with a snapshot within the wait
	 */
	public ShopSnapshot read(OptionalLong tid) {
		URI uri = URI.create(this.baseUrl + "/audit/snapshot" + (tid.isPresent() ? "?tid=" + tid.getAsLong() : ""));
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(this.waitAtMost.plusSeconds(30))
			.header("Accept", "application/json")
			.GET()
			.build();
		long deadline = System.nanoTime() + this.waitAtMost.toNanos();
		long nextWaitingLine = System.nanoTime();
		while (true) {
			String waitingFor;
			Duration pause = Duration.ofSeconds(1);
			try {
				HttpResponse<InputStream> response = this.http.send(request, BodyHandlers.ofInputStream());
				try (InputStream body = response.body()) {
					if (response.statusCode() == 200) {
						return ShopJson.mapper().readValue(body, ShopSnapshot.class);
					}
					String text = new String(body.readAllBytes());
					if (response.statusCode() != 503) {
						throw new ShopUnavailableException("GET " + uri + " answered " + response.statusCode()
								+ ((response.statusCode() == 404) ? " (does this shop export /audit/snapshot?)" : "")
								+ ": " + text);
					}
					waitingFor = "the shop to finish loading";
					pause = retryAfter(response);
				}
			}
			catch (ConnectException ex) {
				waitingFor = "the shop to listen at " + this.baseUrl;
			}
			catch (IOException ex) {
				throw new ShopUnavailableException("GET " + uri + " failed: " + ex, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ShopUnavailableException("interrupted while waiting for " + uri, ex);
			}
			long now = System.nanoTime();
			if (now - deadline > 0) {
				throw new ShopUnavailableException("gave up after " + this.waitAtMost.toSeconds()
						+ " s waiting for " + waitingFor + " (driver.wait-for-shop)");
			}
			if (now - nextWaitingLine >= 0) {
				this.out.println("Driver: waiting for " + waitingFor + " …");
				nextWaitingLine = now + WAITING_LINE_EVERY.toNanos();
			}
			sleep(pause);
		}
	}

	private static Duration retryAfter(HttpResponse<?> response) {
		long seconds = response.headers().firstValue("Retry-After").map((value) -> {
			try {
				return Long.parseLong(value.trim());
			}
			catch (NumberFormatException ex) {
				return 1L;
			}
		}).orElse(1L);
		return Duration.ofSeconds(Math.max(1, Math.min(seconds, 10)));
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ShopUnavailableException("interrupted while waiting for the shop", ex);
		}
	}

}
