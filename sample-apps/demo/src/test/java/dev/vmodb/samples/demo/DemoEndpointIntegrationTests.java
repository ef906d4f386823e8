package dev.vmodb.samples.demo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.vmodb.autoconfigure.actuate.VmodbEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code vmodb} endpoint's JSON after a demo run: the transfer's DAG across the three VMSs, batches all decided,
 * and as many aborts as the run saw overdrafts.
 */
// few accounts and many transfers: overdrafts abort some
@SpringBootTest(properties = { "demo.accounts=10", "demo.transactions=3000", "demo.in-flight=32",
		"management.endpoints.web.exposure.include=vmodb" })
class DemoEndpointIntegrationTests {

	@Autowired
	private DemoRunner runner;

	@Autowired
	private VmodbEndpoint endpoint;

	@Test
	void showsTheTransferDagTheBatchesAndTheAbortsOfTheRun() {
		DemoRunner.Report report = this.runner.report();
		JsonMapper json = JsonMapper.builder().build();
		JsonNode vmodb = json.readTree(json.writeValueAsString(this.endpoint.vmodb()));

		assertThat(vmodb.at("/application").asString()).isEqualTo("vmodb.demo");
		assertThat(vmodb.at("/roles/coordinator").asBoolean()).isTrue();
		JsonNode transfer = vmodb.at("/transactions/transfer");
		// accounts debits, ledger and audit both take the debit, ledger's credit goes to audit
		List<String> nodes = names(transfer.at("/nodes"), "vms");
		assertThat(nodes).containsExactlyInAnyOrder("accounts", "audit", "ledger", "audit");
		assertThat(nodes.get(0)).isEqualTo("accounts");
		assertThat(names(transfer.at("/edges"), "event")).containsExactlyInAnyOrder("debited", "debited", "credited");
		transfer.at("/edges").forEach(edge -> {
			String from = nodes.get(edge.get("from").asInt());
			String to = nodes.get(edge.get("to").asInt());
			assertThat(from + " -" + edge.get("event").asString() + "-> " + to).isIn("accounts -debited-> audit",
					"accounts -debited-> ledger", "ledger -credited-> audit");
		});
		assertThat(names(transfer.at("/terminalEvents"), null)).containsExactly("transfer_audited");

		long lastCommitted = vmodb.at("/batches/lastCommitted").asLong();
		assertThat(lastCommitted).isPositive().isEqualTo(vmodb.at("/batches/lastSealed").asLong());
		assertThat(vmodb.at("/batches/inFlight").asLong()).isZero();
		for (String vms : List.of("accounts", "ledger", "audit")) {
			assertThat(vmodb.at("/vms/" + vms + "/committedBatch").asLong()).as(vms).isEqualTo(lastCommitted);
			assertThat(vmodb.at("/vms/" + vms + "/replaying").asBoolean()).as(vms).isFalse();
		}
		assertThat(vmodb.at("/log/breaker").asString()).isEqualTo("CLOSED");
		assertThat(vmodb.at("/log/lag/vmodb.demo.control-0").isMissingNode()).isFalse();

		assertThat(report.aborted()).isPositive();
		assertThat(vmodb.at("/aborts/total").asLong()).isEqualTo(report.aborted());
		assertThat(vmodb.at("/aborts/top/0/transaction").asString()).isEqualTo("transfer");
	}

	private static List<String> names(JsonNode array, String field) {
		List<String> names = new ArrayList<>();
		array.forEach(element -> names.add((field != null) ? element.get(field).asString() : element.asString()));
		return names;
	}

}
