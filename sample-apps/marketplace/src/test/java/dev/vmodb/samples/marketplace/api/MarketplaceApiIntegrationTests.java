package dev.vmodb.samples.marketplace.api;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.core.api.VmsClient;
import dev.vmodb.samples.marketplace.MarketplaceApplication;
import dev.vmodb.samples.marketplace.customer.CustomerRepository;
import dev.vmodb.samples.marketplace.data.DataLoader;
import dev.vmodb.samples.marketplace.data.DataSize;
import dev.vmodb.samples.marketplace.data.LoadOnStartup;
import dev.vmodb.samples.marketplace.data.LoadReport;
import dev.vmodb.samples.marketplace.product.ProductRepository;
import dev.vmodb.samples.marketplace.seller.SellerRepository;
import dev.vmodb.samples.marketplace.stock.StockItemRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop over real HTTP on a random port, on its embedded broker: a tiny generated data set loaded through the
 * loader, then every endpoint's commit, an abort (409), refused input (400) and a repeated idempotency key. The API
 * tests use ids from 100 up, clear of the loaded set. One application for all, to keep the run short.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketplaceApiIntegrationTests {

	static final DataSize TINY = new DataSize(false, 3, 2, 5, 10, 7, 4);

	private ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	private String base;

	private LoadReport loaded;

	private String loadOutput;

	@BeforeAll
	void start() {
		this.context = new SpringApplicationBuilder(MarketplaceApplication.class)
			.properties("vmodb.application-name=marketplace-api-test", "vmodb.checkpoint.interval=1s")
			.run();
		this.base = "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		this.loaded = new DataLoader(this.context.getBean(VmsClient.class), new PrintStream(output, true)).load(TINY);
		this.loadOutput = output.toString();
	}

	@AfterAll
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void loaderLoadsTheGeneratedRowsIntoEveryVms() {
		assertThat(this.loaded.aborted()).as(String.valueOf(this.loaded.firstFailure())).isZero();
		assertThat(this.loaded.committed()).isEqualTo(TINY.transactions()).isEqualTo(3 + 6 + 5);
		// the other tests add rows from id 100 up: count the loaded ids only
		assertThat(LongStream.rangeClosed(1, 3).filter(this.context.getBean(SellerRepository.class)::existsById))
			.hasSize(3);
		assertThat(LongStream.rangeClosed(1, 5).filter(this.context.getBean(CustomerRepository.class)::existsById))
			.hasSize(5);
		assertThat(this.context.getBean(ProductRepository.class).findAll())
			.filteredOn((product) -> product.getSellerId() <= 3)
			.hasSize(6);
		assertThat(this.context.getBean(StockItemRepository.class).findAll())
			.filteredOn((item) -> item.getSellerId() <= 3)
			.hasSize(6)
			.allSatisfy((item) -> assertThat(item.getQtyAvailable()).isEqualTo(10));
		assertThat(this.loadOutput).doesNotContain("Exception");
	}

	@Test
	void startupLoadSkipsAShopThatHasData() {
		LoadOnStartup startup = new LoadOnStartup(this.context.getBean(VmsClient.class),
				this.context.getBean(SellerRepository.class), this.context.getBean(CustomerRepository.class),
				new DataSize(true, 3, 2, 5, 10, 7, 4));
		startup.run(null);
		assertThat(startup.report()).isEqualTo(LoadReport.skipped());
	}

	@Test
	void ingestionCartCheckoutAndProductChangesCommit() throws Exception {
		assertCommitted(send("POST", "/seller", "{\"id\":100,\"name\":\"Acme\",\"city\":\"Odense\"}"), 201);
		assertCommitted(send("POST", "/customer",
				"{\"id\":100,\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"city\":\"Aarhus\"}"), 201);
		assertCommitted(send("POST", "/product", product(100, 1, 10) + ""), 201);
		assertCommitted(send("POST", "/product", product(100, 2, 10) + ""), 201);

		assertCommitted(send("PATCH", "/cart/100/add", "{\"sellerId\":100,\"productId\":1,\"quantity\":2}"), 200);
		HttpResponse<String> checkout = send("POST", "/cart/100/checkout", checkout("4111111111111111"));
		assertCommitted(checkout, 200);
		assertThat(checkout.body()).contains("\"checkout_completed\"").contains("\"customerId\":100");

		assertCommitted(send("PATCH", "/product", "{\"sellerId\":100,\"productId\":1,\"price\":12.50}"), 200);
		assertCommitted(send("PUT", "/product", "{\"sellerId\":100,\"productId\":2,\"name\":\"gizmo v2\","
				+ "\"sku\":\"sku-100-2b\",\"category\":\"toys\",\"price\":20.00,\"freightValue\":1.00}"), 200);
	}

	@Test
	void abortIsAConflictNamingWhereAndWhy() throws Exception {
		assertCommitted(send("POST", "/seller", "{\"id\":101,\"name\":\"Bolt\",\"city\":\"Vejle\"}"), 201);
		assertCommitted(send("POST", "/product", product(101, 1, 1)), 201);
		assertCommitted(send("POST", "/customer",
				"{\"id\":101,\"firstName\":\"Bo\",\"lastName\":\"Hansen\",\"city\":\"Vejle\"}"), 201);
		assertCommitted(send("PATCH", "/cart/101/add", "{\"sellerId\":101,\"productId\":1,\"quantity\":1}"), 200);

		HttpResponse<String> declined = send("POST", "/cart/101/checkout", checkout("0000111122223333"));
		assertThat(declined.statusCode()).as(declined.body()).isEqualTo(409);
		assertThat(declined.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(declined.body()).contains("\"vms\":\"payment\"", "\"handler\":", "\"reason\":", "\"tid\":");
	}

	@Test
	void invalidRequestIsRefusedWithItsViolations() throws Exception {
		HttpResponse<String> refused = send("POST", "/seller", "{\"id\":0,\"name\":\" \",\"city\":\"Odense\"}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("\"violations\"", "id: ", "name: ");

		HttpResponse<String> badQuantity = send("PATCH", "/cart/1/add", "{\"sellerId\":1,\"productId\":1,\"quantity\":0}");
		assertThat(badQuantity.statusCode()).as(badQuantity.body()).isEqualTo(400);
		assertThat(badQuantity.body()).contains("quantity: ");

		HttpResponse<String> unreadable = send("POST", "/cart/1/checkout", "{\"paymentType\":\"GOLD\"}");
		assertThat(unreadable.statusCode()).as(unreadable.body()).isEqualTo(400);
	}

	@Test
	void repeatedIdempotencyKeyAnswersWithTheFirstOutcome() throws Exception {
		String body = "{\"id\":102,\"firstName\":\"Cai\",\"lastName\":\"Berg\",\"city\":\"Aalborg\"}";
		HttpResponse<String> first = send("POST", "/customer", body, "customer-102");
		HttpResponse<String> again = send("POST", "/customer", body, "customer-102");
		assertCommitted(first, 201);
		assertCommitted(again, 201);
		assertThat(tid(again)).isEqualTo(tid(first));

		HttpResponse<String> tooLong = send("POST", "/customer", body, "k".repeat(201));
		assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
		assertThat(tooLong.body()).contains("Idempotency-Key: ");
	}

	@Test
	void deliveryEmptiesTheDashboardItFilled() throws Exception {
		assertCommitted(send("POST", "/seller", "{\"id\":103,\"name\":\"Dock\",\"city\":\"Kolding\"}"), 201);
		assertCommitted(send("POST", "/product", product(103, 1, 10)), 201);
		assertCommitted(send("POST", "/customer",
				"{\"id\":103,\"firstName\":\"Dan\",\"lastName\":\"Krog\",\"city\":\"Kolding\"}"), 201);
		assertCommitted(send("PATCH", "/cart/103/add", "{\"sellerId\":103,\"productId\":1,\"quantity\":3}"), 200);
		assertCommitted(send("POST", "/cart/103/checkout", checkout("4111111111111111")), 200);

		HttpResponse<String> open = send("GET", "/seller/dashboard/103", "");
		assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
		assertThat(open.body()).contains("\"sellerId\":103", "\"entries\":1", "\"quantity\":3");

		assertCommitted(send("PATCH", "/shipment/delivery", "{\"sellerIds\":[103]}"), 200);
		HttpResponse<String> delivered = send("GET", "/seller/dashboard/103", "");
		assertThat(delivered.body()).contains("\"entries\":0", "\"entries\":[]");

		HttpResponse<String> tooMany = send("PATCH", "/shipment/delivery", "{\"sellerIds\":[]}");
		assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
	}

	private static String product(long seller, long product, int stock) {
		return "{\"sellerId\":" + seller + ",\"productId\":" + product + ",\"name\":\"gizmo\",\"sku\":\"sku-" + seller
				+ "-" + product + "\",\"category\":\"toys\",\"price\":10.00,\"freightValue\":1.00,\"qtyAvailable\":"
				+ stock + "}";
	}

	private static String checkout(String card) {
		return "{\"paymentType\":\"CREDIT_CARD\",\"cardNumber\":\"" + card + "\",\"installments\":1}";
	}

	private static void assertCommitted(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains("\"tid\":", "\"batch\":");
	}

	private static String tid(HttpResponse<String> response) {
		return response.body().replaceAll("(?s).*\"tid\":(\\d+).*", "$1");
	}

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		return send(method, path, json, null);
	}

	private HttpResponse<String> send(String method, String path, String json, String idempotencyKey)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
