package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.vmodb.samples.marketplace.audit.Journal.CartLine;
import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.Journal.DashboardAggregate;
import dev.vmodb.samples.marketplace.audit.Journal.DashboardRecord;
import dev.vmodb.samples.marketplace.audit.Journal.Interval;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.Journal.PriceChangeRecord;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.EntryRow;

/**
 * Drives the shop over HTTP the way a load driver does and writes down what it saw: each request's send and answer
 * times on one nanosecond clock, its outcome (2xx committed, 409 aborted, anything else unknown) and the highest TID
 * any answer carried. It keeps each customer's cart as the shop does: an add replaces the product's line, a committed
 * checkout empties the cart, an aborted one leaves it as it was. One customer's requests must not overlap (as in the
 * benchmark's driver); different customers' may.
 */
public final class RecordingDriver {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	/** Money as decimals, exactly as the shop wrote it. */
	private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

	private final AtomicLong highestTid = new AtomicLong();

	private final Map<Long, Map<String, CartLine>> carts = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<CheckoutRecord> checkouts = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<PriceChangeRecord> priceChanges = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<DashboardRecord> dashboards = new ConcurrentLinkedQueue<>();

	public RecordingDriver(String base) {
		this.base = base;
	}

	/** What the driver saw so far. */
	public Journal journal() {
		return new Journal(List.copyOf(this.checkouts), List.copyOf(this.priceChanges), List.copyOf(this.dashboards));
	}

	/** The highest TID an answer carried (committed or aborted). */
	public long highestTid() {
		return this.highestTid.get();
	}

	/**
	 * The shop's state once every VMS has committed everything answered so far.
	 * @return the snapshot
	 */
	public ShopSnapshot snapshot() {
		return snapshot(highestTid());
	}

	/**
	 * The shop's state once every VMS has committed a TID (one this driver did not send, for instance).
	 * @param tid the TID
	 * @return the snapshot
	 */
	public ShopSnapshot snapshot(long tid) {
		Answer answer = send("GET", "/audit/snapshot?tid=" + Math.max(tid, highestTid()), null);
		if (answer.status() != 200) {
			throw new IllegalStateException("snapshot refused: " + answer.status() + " " + answer.body());
		}
		return this.json.readValue(answer.body(), ShopSnapshot.class);
	}

	/** Sends a request that is not journaled (ingestion, delivery), noting its TID. */
	public Answer request(String method, String path, String body) {
		return send(method, path, body);
	}

	/** Adds a line to a customer's cart; on commit it replaces the cart's line of that product. */
	public Outcome add(long customerId, long sellerId, long productId, int quantity) {
		Answer answer = send("PATCH", "/cart/" + customerId + "/add",
				"{\"sellerId\":" + sellerId + ",\"productId\":" + productId + ",\"quantity\":" + quantity + "}");
		if (answer.outcome() == Outcome.COMMITTED) {
			this.carts.computeIfAbsent(customerId, (id) -> new LinkedHashMap<>())
				.put(sellerId + "/" + productId, new CartLine(sellerId, productId, quantity, answer.at()));
		}
		return answer.outcome();
	}

	/** Checks a customer's cart out with the given card and journals it. */
	public Outcome checkout(long customerId, String card) {
		Map<String, CartLine> cart = this.carts.computeIfAbsent(customerId, (id) -> new LinkedHashMap<>());
		List<CartLine> lines = List.copyOf(cart.values());
		Answer answer = send("POST", "/cart/" + customerId + "/checkout",
				"{\"paymentType\":\"CREDIT_CARD\",\"cardNumber\":\"" + card + "\",\"installments\":1}");
		long orderId = 0;
		if (answer.outcome() == Outcome.COMMITTED) {
			orderId = this.json.readTree(answer.body()).path("output").path("checkout_completed").path("orderId").asLong();
			cart.clear();
		}
		this.checkouts.add(new CheckoutRecord(customerId, answer.at(), answer.outcome(), orderId, lines));
		return answer.outcome();
	}

	/** Sets a product's price (the driver only raises prices, one change of a product at a time). */
	public Outcome updatePrice(long sellerId, long productId, BigDecimal price) {
		Answer answer = send("PATCH", "/product",
				"{\"sellerId\":" + sellerId + ",\"productId\":" + productId + ",\"price\":" + price + "}");
		this.priceChanges.add(new PriceChangeRecord(sellerId, productId, price, false, answer.at(), answer.outcome()));
		return answer.outcome();
	}

	/** Replaces a product by a new version at a price. */
	public Outcome replaceProduct(long sellerId, long productId, BigDecimal price) {
		Answer answer = send("PUT", "/product", "{\"sellerId\":" + sellerId + ",\"productId\":" + productId
				+ ",\"name\":\"product " + productId + " v+\",\"sku\":\"sku-" + sellerId + "-" + productId
				+ "-next\",\"category\":\"toys\",\"price\":" + price + ",\"freightValue\":1.00}");
		this.priceChanges.add(new PriceChangeRecord(sellerId, productId, price, true, answer.at(), answer.outcome()));
		return answer.outcome();
	}

	/** Reads a seller's dashboard and journals the aggregate and entries it showed. */
	public DashboardRecord dashboard(long sellerId) {
		Answer answer = send("GET", "/seller/dashboard/" + sellerId, null);
		if (answer.status() != 200) {
			throw new IllegalStateException("dashboard refused: " + answer.status() + " " + answer.body());
		}
		JsonNode view = this.json.readTree(answer.body());
		JsonNode sum = view.path("aggregate");
		DashboardAggregate aggregate = new DashboardAggregate(sum.path("orders").asLong(), sum.path("entries").asLong(),
				sum.path("quantity").asLong(), sum.path("totalItems").decimalValue(), sum.path("totalAmount").decimalValue(),
				sum.path("totalFreight").decimalValue(), sum.path("totalIncentive").decimalValue(),
				sum.path("totalInvoice").decimalValue());
		List<EntryRow> entries = new ArrayList<>();
		for (JsonNode entry : view.path("entries")) {
			entries.add(new EntryRow(entry.path("customerId").asLong(), entry.path("orderId").asLong(),
					entry.path("sellerId").asLong(), entry.path("productId").asLong(), entry.path("quantity").asInt(),
					entry.path("totalItems").decimalValue(), entry.path("totalAmount").decimalValue(),
					entry.path("freightValue").decimalValue(), entry.path("totalIncentive").decimalValue(),
					entry.path("totalInvoice").decimalValue(), entry.path("deliveryStatus").asString()));
		}
		DashboardRecord record = new DashboardRecord(sellerId, answer.at(), aggregate, entries);
		this.dashboards.add(record);
		return record;
	}

	private Answer send(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		long sent = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Answer answer = new Answer(response.statusCode(), response.body(), new Interval(sent, System.nanoTime()));
			if (!method.equals("GET") && answer.outcome() != Outcome.UNKNOWN) {
				long tid = this.json.readTree(answer.body()).path("tid").asLong(0);
				this.highestTid.accumulateAndGet(tid, Math::max);
			}
			return answer;
		}
		catch (Exception ex) {
			// no answer: the request may or may not have run
			return new Answer(-1, String.valueOf(ex), new Interval(sent, System.nanoTime()));
		}
	}

	/**
	 * An answer as the driver saw it.
	 * @param status the HTTP status, or -1 without an answer
	 * @param body the body
	 * @param at when the request was sent and answered
	 */
	public record Answer(int status, String body, Interval at) {

		public Outcome outcome() {
			if (this.status >= 200 && this.status < 300) {
				return Outcome.COMMITTED;
			}
			return (this.status == 409) ? Outcome.ABORTED : Outcome.UNKNOWN;
		}

	}

}
