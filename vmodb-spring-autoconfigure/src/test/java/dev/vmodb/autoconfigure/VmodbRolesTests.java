package dev.vmodb.autoconfigure;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.autoconfigure.sample.CounterService;
import dev.vmodb.autoconfigure.sample.SampleConfiguration;
import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VmodbRoles}: the roles start after the context refreshed, a failed start is reported as Boot
 * reports a failed start-up, and a shutdown lets the transactions in flight finish.
 */
class VmodbRolesTests {

	private final ApplicationContextRunner runner = BrokerContextRunners.on("roles", SampleConfiguration.class)
		.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class));

	@Test
	void refreshDoesNotWaitForTheLog() {
		// the coordinator waits up to a minute for a VMS that never registers: the context is up long before
		long started = System.nanoTime();
		this.runner.withPropertyValues("vmodb.coordinator.expected-vms=ghost", "vmodb.coordinator.registration-timeout=60s")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
				assertThat(context.getBean(VmodbRoles.class).state()).isEqualTo(VmodbRoles.State.STARTING);
				assertThat(context.getBean(VmodbRoles.class).isRunning()).isTrue();
			});
	}

	@Test
	void anUnreachableClusterIsReportedAsAFailedStartUpAndBreaksLiveness() throws Exception {
		String nowhere = "127.0.0.1:" + freePort();
		unreachableRunner(nowhere).withPropertyValues("vmodb.startup.fail-fast=false").run(context -> {
			VmodbRoles roles = context.getBean(VmodbRoles.class);
			assertThat(roles.awaitStarted(Duration.ofSeconds(30))).isEqualTo(VmodbRoles.State.FAILED);
			assertThat(roles.failure().getCause()).hasStackTraceContaining("The Kafka cluster at " + nowhere
					+ " did not answer within 2000 ms while listing the log's topics (vmodb.kafka.startup-timeout")
				.hasStackTraceContaining("reachable from this application at that address (vmodb.kafka.bootstrap-servers");
			assertThat(roles.failure().getDescription()).contains(nowhere);
			assertThat(roles.failure().getAction()).isNotBlank();
			assertThat(context.getBean(ApplicationAvailability.class).getLivenessState()).isEqualTo(LivenessState.BROKEN);
			assertThat(context.getSourceApplicationContext(ConfigurableApplicationContext.class).isActive()).isTrue();
		});
	}

	@Test
	void failFastClosesTheApplicationWhenItsRolesFailToStart() throws Exception {
		unreachableRunner("127.0.0.1:" + freePort()).run(context -> {
			ConfigurableApplicationContext application = context.getSourceApplicationContext(ConfigurableApplicationContext.class);
			VmodbRoles roles = context.getBean(VmodbRoles.class);
			// failed, and then stopped as the context closed (which may already have happened)
			assertThat(roles.awaitStarted(Duration.ofSeconds(30))).isIn(VmodbRoles.State.FAILED, VmodbRoles.State.STOPPED);
			assertThat(roles.failure()).isNotNull();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (application.isActive() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(application.isActive()).isFalse();
		});
	}

	@Test
	void closingTheContextLetsEveryTransactionInFlightReachItsOutcome() {
		List<CompletableFuture<TransactionResult>> inFlight = new ArrayList<>();
		// a wide window keeps hundreds of transactions in flight when the context closes
		this.runner.withPropertyValues("vmodb.batch.window=300ms").run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			client.submit("add", new CounterService.Add("warm", 1)).get(30, TimeUnit.SECONDS);
			for (int i = 0; i < 500; i++) {
				inFlight.add(client.submit("add", new CounterService.Add("k" + (i % 10), 1)));
			}
			assertThat(inFlight).anyMatch(future -> !future.isDone());
		});
		// the context is closed now: each one committed (none failed as in doubt)
		int committed = 0;
		for (CompletableFuture<TransactionResult> future : inFlight) {
			assertThat(future).isDone();
			try {
				future.get();
				committed++;
			}
			catch (ExecutionException | InterruptedException ex) {
				assertThat(ex.getCause()).as("no transaction may be left in doubt").isInstanceOf(TransactionAbortedException.class);
			}
		}
		assertThat(committed).isEqualTo(500);
	}

	private ApplicationContextRunner unreachableRunner(String servers) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class,
					ApplicationAvailabilityAutoConfiguration.class))
			.withUserConfiguration(SampleConfiguration.class)
			.withPropertyValues("vmodb.kafka.bootstrap-servers=" + servers, "vmodb.kafka.startup-timeout=2s");
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
