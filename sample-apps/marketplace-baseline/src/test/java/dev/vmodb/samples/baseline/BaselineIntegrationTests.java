package dev.vmodb.samples.baseline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentFailed;
import dev.vmodb.samples.baseline.events.Topics;
import dev.vmodb.samples.baseline.messaging.EventPublisher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The baseline started in-process on its embedded broker with a small data set, driven over HTTP: checkouts that
 * complete, fail at payment and fail at stock, catalogue changes, a delivery, the dashboard and the snapshot.
 */
class BaselineIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static ConfigurableApplicationContext shop;

	private static String url;

	@BeforeAll
	static void start() {
		shop = new SpringApplicationBuilder(BaselineApplication.class).run("--server.port=0", "--marketplace.load=true",
				"--marketplace.sellers=5", "--marketplace.products-per-seller=4", "--marketplace.customers=50",
				"--marketplace.stock-per-product=100");
		url = "http://localhost:" + shop.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stop() {
		shop.close();
	}

	@Test
	void theLoadedDataSetIsInTheSnapshot() throws Exception {
		JsonNode snapshot = snapshot();
		assertThat(snapshot.get("products").size()).isEqualTo(20);
		assertThat(snapshot.get("stock").size()).isEqualTo(20);
		assertThat(snapshot.get("replicas").size()).isEqualTo(20);
		assertThat(snapshot.get("customers").size()).isEqualTo(50);
	}

	@Test
	void aCheckoutCompletesWithItsOrderAndPackages() throws Exception {
		assertThat(add(1, 1, 1, 2).statusCode()).isEqualTo(200);
		assertThat(add(1, 2, 1, 1).statusCode()).isEqualTo(200);

		HttpResponse<String> checkout = checkout(1, "4111111111111111");

		assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(200);
		JsonNode completed = json.readTree(checkout.body()).get("output").get("checkout_completed");
		assertThat(completed.get("customerId").asLong()).isEqualTo(1);
		assertThat(completed.get("packages").asInt()).isEqualTo(2);
		JsonNode snapshot = snapshot();
		assertThat(rows(snapshot, "shipments", 1)).hasSize(1);
		assertThat(rows(snapshot, "payments", 1)).hasSize(1);
		assertThat(rows(snapshot, "cartItems", 1)).isEmpty();
		JsonNode stock = stock(snapshot, 1, 1);
		assertThat(stock.get("qtyAvailable").asInt()).isEqualTo(98);
		assertThat(stock.get("qtyReserved").asInt()).isZero();
	}

	@Test
	void aDeclinedPaymentAnswers409AndCompensates() throws Exception {
		add(2, 3, 2, 5);

		HttpResponse<String> checkout = checkout(2, "0000123412341234");

		assertThat(checkout.statusCode()).isEqualTo(409);
		assertThat(json.readTree(checkout.body()).get("service").asString()).isEqualTo("payment");
		JsonNode snapshot = snapshot();
		assertThat(rows(snapshot, "cartItems", 2)).hasSize(1);
		assertThat(rows(snapshot, "orders", 2)).singleElement()
			.satisfies((order) -> assertThat(order.get("status").asString()).isEqualTo("CANCELED"));
		assertThat(rows(snapshot, "entries", 2)).isEmpty();
		assertThat(stock(snapshot, 3, 2).get("qtyReserved").asInt()).isZero();
	}

	@Test
	void insufficientStockAndEmptyCartsAnswer409() throws Exception {
		add(3, 4, 4, 101);
		HttpResponse<String> tooMuch = checkout(3, "4111111111111111");
		assertThat(tooMuch.statusCode()).isEqualTo(409);
		assertThat(tooMuch.body()).contains("insufficient stock");
		assertThat(rows(snapshot(), "cartItems", 3)).hasSize(1);

		assertThat(checkout(4, "4111111111111111").body()).contains("is empty");
	}

	@Test
	void aReplacedProductFailsTheReservationOfCartsHoldingTheOldVersion() throws Exception {
		add(5, 5, 1, 1);
		HttpResponse<String> replaced = send("PUT", "/product", """
				{"sellerId":5,"productId":1,"name":"v2","sku":"sku-5-1b","category":"toys","price":20.00,"freightValue":1.00}""");
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);

		HttpResponse<String> checkout = checkout(5, "4111111111111111");

		assertThat(checkout.statusCode()).isEqualTo(409);
		assertThat(checkout.body()).contains("was replaced by version 2");
	}

	@Test
	void concurrentCheckoutsDeliveriesAndPriceUpdatesSettle() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> checkouts = new ArrayList<>();
		for (long customer = 10; customer < 30; customer++) {
			add(customer, 1 + customer % 5, 3 + customer % 2, 1);
			checkouts.add(sendAsync("POST", "/cart/" + customer + "/checkout",
					"{\"paymentType\":\"CREDIT_CARD\",\"cardNumber\":\"4111\",\"installments\":1}"));
		}
		HttpResponse<String> price = send("PATCH", "/product", "{\"sellerId\":2,\"productId\":2,\"price\":9.99}");
		for (CompletableFuture<HttpResponse<String>> checkout : checkouts) {
			assertThat(checkout.get().statusCode()).as(checkout.get().body()).isEqualTo(200);
		}
		assertThat(price.statusCode()).isEqualTo(200);

		HttpResponse<String> delivery = send("PATCH", "/shipment/delivery", "{\"sellerIds\":[1,2,3,4,5]}");
		assertThat(delivery.statusCode()).as(delivery.body()).isEqualTo(200);
		HttpResponse<String> dashboard = send("GET", "/seller/dashboard/1", null);
		assertThat(dashboard.statusCode()).isEqualTo(200);
		JsonNode aggregate = json.readTree(dashboard.body()).get("aggregate");
		assertThat(aggregate.get("entries").asLong()).isEqualTo(json.readTree(dashboard.body()).get("entries").size());

		JsonNode snapshot = snapshot();
		long delivered = 0;
		for (JsonNode customer : snapshot.get("customers")) {
			delivered += customer.get("deliveryCount").asLong();
		}
		long deliveredPackages = 0;
		for (JsonNode shipped : snapshot.get("packages")) {
			deliveredPackages += "DELIVERED".equals(shipped.get("status").asString()) ? 1 : 0;
		}
		assertThat(delivered).isPositive().isEqualTo(deliveredPackages);
	}

	@Test
	void aRedeliveredEventIsAppliedOnce() throws Exception {
		EventPublisher publisher = shop.getBean(EventPublisher.class);
		// every consumer of it (stock, order, seller, customer, cart) handles an order without lines
		PaymentFailed failed = new PaymentFailed("redelivered", 40, 99, List.of(), "declined");

		publisher.publish(Topics.PAYMENT_FAILED, 40, failed);
		publisher.publish(Topics.PAYMENT_FAILED, 40, failed);

		JsonNode snapshot = snapshot();
		JsonNode customer = null;
		for (JsonNode row : snapshot.get("customers")) {
			customer = (row.get("id").asLong() == 40) ? row : customer;
		}
		assertThat(customer.get("failedPaymentCount").asLong()).isEqualTo(1);
	}

	private static HttpResponse<String> add(long customer, long seller, long product, int quantity) throws Exception {
		return send("PATCH", "/cart/" + customer + "/add",
				"{\"sellerId\":" + seller + ",\"productId\":" + product + ",\"quantity\":" + quantity + "}");
	}

	private static HttpResponse<String> checkout(long customer, String card) throws Exception {
		return send("POST", "/cart/" + customer + "/checkout",
				"{\"paymentType\":\"CREDIT_CARD\",\"cardNumber\":\"" + card + "\",\"installments\":1}");
	}

	private static JsonNode snapshot() throws Exception {
		HttpResponse<String> response = send("GET", "/audit/snapshot", null);
		for (int i = 0; i < 100 && response.statusCode() == 503; i++) {
			Thread.sleep(200);
			response = send("GET", "/audit/snapshot", null);
		}
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static List<JsonNode> rows(JsonNode snapshot, String table, long customerId) {
		List<JsonNode> rows = new ArrayList<>();
		for (JsonNode row : snapshot.get(table)) {
			if (row.get("customerId").asLong() == customerId) {
				rows.add(row);
			}
		}
		return rows;
	}

	private static JsonNode stock(JsonNode snapshot, long sellerId, long productId) {
		for (JsonNode row : snapshot.get("stock")) {
			if (row.get("sellerId").asLong() == sellerId && row.get("productId").asLong() == productId) {
				return row;
			}
		}
		throw new AssertionError("no stock item " + sellerId + "/" + productId);
	}

	private static HttpResponse<String> send(String method, String path, String body) throws Exception {
		return sendAsync(method, path, body).get();
	}

	private static CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
