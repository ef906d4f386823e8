package dev.vmodb.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.autoconfigure.echo.EchoConfiguration;
import dev.vmodb.autoconfigure.echo.EchoService.Shout;
import dev.vmodb.autoconfigure.sample.CounterService;
import dev.vmodb.autoconfigure.sample.SampleConfiguration;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.kafka.KafkaNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code vmodb} health contributor and the probes: readiness waits for a replay, a role that can no
 * longer make progress breaks liveness.
 */
class VmodbHealthTests {

	@Test
	void readinessIsDownWhileAVmsReplaysItsBacklogAfterARestartAndUpAfter() {
		// both contexts on one application name: the second one finds the first one's log
		ApplicationContextRunner restartable = ActuatorContextRunners.withActuator(new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class))
			.withUserConfiguration(SampleConfiguration.class))
			.withPropertyValues("vmodb.application-name=replay", "vmodb.batch.max-size=10")
			.withInitializer(context -> TestPropertyValues.of("vmodb.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers())
				.applyTo(context));
		int backlog = 3_000;
		restartable.run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			// in waves, so the backlog is hundreds of batches: a replay long enough to be seen
			for (int wave = 0; wave < backlog / 10; wave++) {
				List<CompletableFuture<TransactionResult>> futures = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					futures.add(client.submit("add", new CounterService.Add("c" + ((wave * 10 + i) % 50), 1)));
				}
				for (CompletableFuture<TransactionResult> future : futures) {
					future.get(60, TimeUnit.SECONDS);
				}
			}
			assertThat(status(context, "readiness")).isEqualTo(Status.UP);
		});
		// in-memory databases: the restarted VMS rebuilds its state by running every logged batch again
		restartable.run(context -> {
			VmodbRoles roles = context.getBean(VmodbRoles.class);
			KafkaNode node = context.getBean(KafkaNode.class);
			boolean sawReplayRefusingTraffic = false;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (System.nanoTime() < deadline) {
				// the VMS's own state first: if it replays, readiness read after it must be down
				boolean replaying = node.replaying("counters");
				Status readiness = status(context, "readiness");
				if (roles.state() == VmodbRoles.State.RUNNING && replaying) {
					assertThat(readiness).isNotEqualTo(Status.UP);
					assertThat(status(context, "vmodb", "vms", "counters")).isEqualTo(Status.OUT_OF_SERVICE);
					sawReplayRefusingTraffic = true;
				}
				if (readiness == Status.UP) {
					break;
				}
				Thread.sleep(5);
			}
			assertThat(sawReplayRefusingTraffic).as("a replay seen after the roles started").isTrue();
			assertThat(status(context, "readiness")).isEqualTo(Status.UP);
			assertThat(node.replaying("counters")).isFalse();
			assertThat(node.vmsStatuses().get("counters").committedBatch())
				.isGreaterThanOrEqualTo(100);
			TransactionResult next = context.getBean(VmsClient.class)
				.submit("add", new CounterService.Add("c0", 1))
				.get(30, TimeUnit.SECONDS);
			assertThat(next.output("added", CounterService.Added.class).value()).isEqualTo(backlog / 50 + 1);
		});
	}

	@Test
	void aRoleThatCanNoLongerMakeProgressBreaksLiveness() {
		ApplicationContextRunner runner = ActuatorContextRunners
			.withActuator(BrokerContextRunners.on("stall", EchoConfiguration.class))
			// the smallest record size the log allows: a result of a few kilobytes exceeds it
			.withPropertyValues("vmodb.kafka.max-record-size=1024", "vmodb.shutdown.drain-timeout=1s");
		runner.run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			assertThat(client.submit("shout", new Shout("hi", 3)).get(30, TimeUnit.SECONDS).output().toString())
				.contains("hihihi");
			assertThat(status(context, "liveness")).isEqualTo(Status.UP);
			client.submit("shout", new Shout("hi", 4_000));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
			// the log reports the lost record first, then the VMS that wrote it
			while ((availability.getLivenessState() != LivenessState.BROKEN
					|| status(context, "vmodb", "vms", "echo") == Status.UP) && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(availability.getLivenessState()).isEqualTo(LivenessState.BROKEN);
			assertThat(status(context, "liveness")).isEqualTo(Status.DOWN);
			assertThat(status(context, "vmodb", "vms", "echo")).isEqualTo(Status.DOWN);
			assertThat(details(context, "vmodb", "vms", "echo").get("stalled").toString()).contains("acknowledgement of batch");
			assertThat(status(context, "vmodb", "log")).isEqualTo(Status.DOWN);
			assertThat(status(context, "readiness")).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void readinessIncludesVmodbUnlessTheApplicationNamesItsMembers() {
		ApplicationContextRunner runner = ActuatorContextRunners
			.withActuator(BrokerContextRunners.on("groups", SampleConfiguration.class));
		runner.run(context -> {
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.get("readiness").isMember("vmodb")).isTrue();
			assertThat(groups.get("readiness").isMember("vmodb/vms/counters")).isTrue();
			assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
			assertThat(groups.get("liveness").isMember("vmodb")).isFalse();
		});
		runner.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState").run(context -> {
			assertThat(context.getBean(HealthEndpointGroups.class).get("readiness").isMember("vmodb")).isFalse();
		});
	}

	private static Status status(ConfigurableApplicationContext context, String... path) {
		HealthDescriptor health = context.getBean(HealthEndpoint.class).healthForPath(path);
		return (health != null) ? health.getStatus() : null;
	}

	private static java.util.Map<String, Object> details(ConfigurableApplicationContext context, String... path) {
		HealthDescriptor health = context.getBean(HealthEndpoint.class).healthForPath(path);
		return ((IndicatedHealthDescriptor) health).getDetails();
	}

}
