package dev.vmodb.autoconfigure;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.vmodb.autoconfigure.actuate.TransactionDescriptor;
import dev.vmodb.autoconfigure.actuate.VmodbDescriptor;
import dev.vmodb.autoconfigure.actuate.VmodbEndpoint;
import dev.vmodb.autoconfigure.actuate.VmsDescriptor;
import dev.vmodb.autoconfigure.stock.StockConfiguration;
import dev.vmodb.autoconfigure.stock.StockService.Reserve;
import dev.vmodb.autoconfigure.stock.StockService.Restock;
import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the {@code vmodb} endpoint against a running application: its figures are the ones a scenario caused.
 */
class VmodbEndpointTests {

	private final ApplicationContextRunner runner = ActuatorContextRunners
		.withActuator(BrokerContextRunners.on("endpoint", StockConfiguration.class));

	@Test
	void showsTheDagsBatchesLagAndTheAbortsAScenarioCaused() {
		this.runner.run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			TransactionResult last = client.submit("restock", new Restock("a", 10)).get(30, TimeUnit.SECONDS);
			int aborted = 0;
			for (int i = 0; i < 5; i++) {
				// 10 - 3 - 3 - 3 leaves 1: the fourth and fifth reservations abort explicitly
				try {
					last = client.submit("reserve", new Reserve("a", 3)).get(30, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(TransactionAbortedException.class);
					aborted++;
				}
			}
			// an overdraft the entity's constraint refuses
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> client.submit("take", new Reserve("b", 1)).get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(TransactionAbortedException.class);
			assertThat(aborted).isEqualTo(2);

			VmodbDescriptor vmodb = context.getBean(VmodbEndpoint.class).vmodb();
			assertThat(vmodb.application()).startsWith("vmodb.endpoint-");
			assertThat(vmodb.roles().state()).isEqualTo("RUNNING");
			assertThat(vmodb.roles().coordinator()).isTrue();
			assertThat(vmodb.transactions()).containsOnlyKeys("restock", "reserve", "take");
			TransactionDescriptor reserve = vmodb.transactions().get("reserve");
			assertThat(reserve.nodes()).singleElement().satisfies(node -> {
				assertThat(node.vms()).isEqualTo("stock");
				assertThat(node.handler()).isEqualTo("StockService.reserve");
			});
			assertThat(reserve.edges()).isEmpty();
			assertThat(vmodb.batches().lastCommitted()).isEqualTo(vmodb.batches().lastSealed()).isGreaterThanOrEqualTo(7);
			assertThat(vmodb.batches().inFlight()).isZero();
			assertThat(vmodb.batches().pendingSubmissions()).isZero();
			assertThat(vmodb.log().breaker()).isEqualTo("CLOSED");
			assertThat(vmodb.log().readersAlive()).isTrue();
			assertThat(vmodb.log().lag()).containsKey(vmodb.application() + ".control-0")
				.containsKey(vmodb.application() + ".events.stock-0")
				.allSatisfy((partition, behind) -> assertThat(behind).isZero());
			assertThat(vmodb.aborts().total()).isEqualTo(3);
			assertThat(vmodb.aborts().top()).hasSize(2);
			assertThat(vmodb.aborts().top().get(0)).isEqualTo(
					new VmodbDescriptor.AbortCount("reserve", "stock", "StockService.reserve", "insufficient stock", 2));
			assertThat(vmodb.aborts().top().get(1).transaction()).isEqualTo("take");
			assertThat(vmodb.aborts().top().get(1).count()).isEqualTo(1);

			VmsDescriptor stock = vmodb.vms().get("stock");
			assertThat(stock.handlers()).extracting(VmsDescriptor.Handler::inboundEvent)
				.containsExactlyInAnyOrder("restock", "reserve", "take");
			assertThat(stock.lastAppliedTid()).isGreaterThanOrEqualTo(last.tid());
			assertThat(stock.committedBatch()).isEqualTo(vmodb.batches().lastCommitted());
			assertThat(stock.replaying()).isFalse();
			assertThat(stock.stalled()).isNull();
		});
	}

	@Test
	void oneVmsByNameAndNothingForAnUnknownOne() {
		this.runner.run(context -> {
			context.getBean(VmsClient.class).submit("restock", new Restock("a", 1)).get(30, TimeUnit.SECONDS);
			VmodbEndpoint endpoint = context.getBean(VmodbEndpoint.class);
			assertThat(endpoint.vms("stock").name()).isEqualTo("stock");
			assertThat(endpoint.vms("stock").committedBatch()).isPositive();
			assertThat(endpoint.vms("stok")).isNull();
		});
	}

	@Test
	void anIdleVmsWritesItsLastBatchesToItsDatabaseWithinTheCheckpointInterval() {
		this.runner.withPropertyValues("vmodb.checkpoint.interval=500ms").run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			// back to back: the second commit comes within the interval after the first one's checkpoint
			for (int i = 0; i < 3; i++) {
				client.submit("restock", new Restock("a", 1)).get(30, TimeUnit.SECONDS);
			}
			VmodbEndpoint endpoint = context.getBean(VmodbEndpoint.class);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (endpoint.vms("stock").batchesBehindCheckpoint() > 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			// no traffic since: without a checkpoint at the interval's end, the last batches would wait for the next
			assertThat(endpoint.vms("stock").batchesBehindCheckpoint()).isZero();
			assertThat(endpoint.vms("stock").checkpointedBatch()).isEqualTo(endpoint.vms("stock").committedBatch());
		});
	}

	@Test
	void itsJsonIsShapedForClients() {
		this.runner.run(context -> {
			context.getBean(VmsClient.class).submit("restock", new Restock("a", 1)).get(30, TimeUnit.SECONDS);
			JsonMapper json = JsonMapper.builder().build();
			JsonNode vmodb = json.readTree(json.writeValueAsString(context.getBean(VmodbEndpoint.class).vmodb()));
			assertThat(vmodb.at("/roles/state").asString()).isEqualTo("RUNNING");
			assertThat(vmodb.at("/transactions/restock/nodes/0/vms").asString()).isEqualTo("stock");
			assertThat(vmodb.at("/vms/stock/handlers").size()).isEqualTo(3);
			assertThat(vmodb.at("/batches/lastCommitted").asLong()).isPositive();
			assertThat(vmodb.at("/log/breaker").asString()).isEqualTo("CLOSED");
			assertThat(vmodb.at("/aborts/total").asLong()).isZero();
		});
	}

}
