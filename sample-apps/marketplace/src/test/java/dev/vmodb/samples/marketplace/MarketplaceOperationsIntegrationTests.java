package dev.vmodb.samples.marketplace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.core.api.VmsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running shop's Actuator over HTTP, after a known number of committed and aborted checkouts: the Prometheus
 * scrape counts exactly those (and every other transaction the test submitted), the {@code vmodb} endpoint shows the
 * checkout's DAG, the decided batches and the same aborts, and the probes are up.
 */
class MarketplaceOperationsIntegrationTests {

	private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void scrapeEndpointAndProbesShowTheCommittedAndAbortedCheckouts() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MarketplaceApplication.class)
			.properties("vmodb.application-name=marketplace-metrics-test")
			.run()) {
			String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			Shop shop = new Shop(context.getBean(VmsClient.class));
			// one seller with one product, five customers, each with the product in the cart: 7 + 5 commits
			shop.load(1, 5, 1, 100);
			LongStream.rangeClosed(1, 5).forEach(customer -> Shop.committed(shop.add(customer, 1, 1, 1)));
			// three paid checkouts and two declined cards, through the shop's API
			for (long customer = 1; customer <= 5; customer++) {
				String card = (customer <= 3) ? Shop.GOOD_CARD : Shop.DECLINED_CARD;
				HttpResponse<String> checkout = send("POST", base + "/cart/" + customer + "/checkout",
						"{\"paymentType\":\"CREDIT_CARD\",\"cardNumber\":\"" + card + "\",\"installments\":1}");
				assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo((customer <= 3) ? 200 : 409);
			}

			HttpResponse<String> response = send("GET", base + "/actuator/prometheus", null);
			assertThat(response.statusCode()).isEqualTo(200);
			List<Sample> scrape = samples(response.body());
			assertThat(value(scrape, "vmodb_transactions_seconds_count", "event", "customer_checkout", "outcome",
					"committed")).isEqualTo(3);
			assertThat(value(scrape, "vmodb_transactions_seconds_count", "event", "customer_checkout", "outcome",
					"aborted")).isEqualTo(2);
			assertThat(value(scrape, "vmodb_transactions_seconds_count", "event", "add_to_cart", "outcome",
					"committed")).isEqualTo(5);
			assertThat(value(scrape, "vmodb_transactions_seconds_count", "event", "ingest_customer", "outcome",
					"committed")).isEqualTo(5);
			assertThat(scrape).filteredOn(sample -> sample.name().equals("vmodb_transactions_seconds_count"))
				.extracting(sample -> sample.labels().get("outcome"))
				.as("no other outcome than these")
				.containsOnly("committed", "aborted");
			// both declined cards, counted where they failed
			assertThat(scrape).filteredOn(sample -> sample.name().equals("vmodb_aborts_total"))
				.singleElement()
				.satisfies(sample -> {
					assertThat(sample.labels()).containsEntry("vms", "payment")
						.containsEntry("handler", "PaymentService.pay")
						.containsEntry("reason", "explicit");
					assertThat(sample.value()).isEqualTo(2);
				});
			// every transaction submitted (7 loaded, 5 carts, 5 checkouts) was in a committed batch
			assertThat(value(scrape, "vmodb_batch_size_transactions_sum")).isEqualTo(17);
			assertThat(value(scrape, "resilience4j_circuitbreaker_state", "name", "vmodb-log", "state", "closed"))
				.isEqualTo(1);

			JsonNode vmodb = json(send("GET", base + "/actuator/vmodb", null));
			assertThat(vmodb.at("/roles/state").asString()).isEqualTo("RUNNING");
			assertThat(vmodb.at("/vms").propertyNames()).containsExactlyInAnyOrder("seller", "customer", "product",
					"stock", "cart", "order", "payment", "shipment");
			JsonNode checkout = vmodb.at("/transactions/customer_checkout");
			Set<String> participants = new HashSet<>();
			checkout.at("/nodes").forEach(node -> participants.add(node.get("vms").asString()));
			assertThat(participants).contains("cart", "stock", "order", "payment", "shipment");
			assertThat(checkout.at("/edges").size()).isEqualTo(checkout.at("/nodes").size() - 1);
			assertThat(checkout.at("/terminalEvents").toString()).contains("checkout_completed");
			assertThat(vmodb.at("/batches/inFlight").asLong()).isZero();
			assertThat(vmodb.at("/batches/lastCommitted").asLong()).isPositive();
			assertThat(vmodb.at("/log/breaker").asString()).isEqualTo("CLOSED");
			assertThat(vmodb.at("/log/lag").propertyNames()).contains(vmodb.at("/application").asString() + ".control-0");
			assertThat(vmodb.at("/aborts/total").asLong()).isEqualTo(2);
			assertThat(vmodb.at("/aborts/top/0/vms").asString()).isEqualTo("payment");
			assertThat(vmodb.at("/aborts/top/0/transaction").asString()).isEqualTo("customer_checkout");
			assertThat(vmodb.at("/aborts/top/0/count").asLong()).isEqualTo(2);

			JsonNode payment = json(send("GET", base + "/actuator/vmodb/payment", null));
			assertThat(payment.at("/committedBatch").asLong()).isEqualTo(vmodb.at("/batches/lastCommitted").asLong());
			assertThat(send("GET", base + "/actuator/vmodb/paymnet", null).statusCode()).isEqualTo(404);
			assertThat(send("GET", base + "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
			assertThat(send("GET", base + "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	private HttpResponse<String> send(String method, String uri, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The scrape's samples, comment lines left out. */
	private static List<Sample> samples(String scrape) {
		return scrape.lines().filter(line -> !line.startsWith("#")).map(SAMPLE::matcher).filter(Matcher::matches)
			.map(sample -> {
				Map<String, String> labels = new LinkedHashMap<>();
				Matcher label = LABEL.matcher((sample.group(2) != null) ? sample.group(2) : "");
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
				return new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3)));
			})
			.toList();
	}

	/** The value of the one sample with this name and exactly these labels (names and values alternating). */
	private static double value(List<Sample> scrape, String name, String... labels) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return scrape.stream()
			.filter(sample -> sample.name().equals(name) && sample.labels().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No sample " + name + wanted + "; of that name: "
					+ scrape.stream().filter(sample -> sample.name().equals(name)).toList()))
			.value();
	}

	private record Sample(String name, Map<String, String> labels, double value) {
	}

}
