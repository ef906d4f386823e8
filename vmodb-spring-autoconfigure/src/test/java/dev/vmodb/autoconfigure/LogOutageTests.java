package dev.vmodb.autoconfigure;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.vmodb.autoconfigure.sample.CounterRepository;
import dev.vmodb.autoconfigure.sample.CounterService;
import dev.vmodb.autoconfigure.sample.SampleConfiguration;
import dev.vmodb.core.api.LogUnavailableException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A running application whose Kafka broker stops and comes back: submissions fail fast while it is gone, the
 * submissions waiting for it stay bounded, and once a new broker runs on the same port and log directory the
 * application goes on by itself: submissions accepted before the outage commit, new ones too, and no reading
 * thread died. A real in-JVM broker; nothing of the log is mocked.
 */
class LogOutageTests {

	private static final int MAX_WAITING = 20;

	private EmbeddedKafkaBroker broker;

	@AfterEach
	void stopBroker() {
		if (this.broker != null) {
			this.broker.close();
		}
	}

	@Test
	void submissionsFailFastDuringAnOutageAndTheApplicationRecoversWhenTheBrokerIsBack(@TempDir Path logDirectory)
			throws Exception {
		EmbeddedBrokerSettings brokerSettings = EmbeddedBrokerSettings.defaults()
			.withPort(freePort())
			.withLogDirectory(logDirectory);
		this.broker = EmbeddedKafkaBroker.start(brokerSettings);
		BrokerContextRunners.on(() -> this.broker.bootstrapServers(), "outage", SampleConfiguration.class)
			.withPropertyValues("vmodb.kafka.ack-timeout=2s", "vmodb.kafka.max-retry-backoff=500ms",
					"vmodb.client.max-waiting=" + MAX_WAITING)
			.run(context -> {
				VmsClient client = context.getBean(VmsClient.class);
				String prefix = context.getBean(VmodbLog.class).settings().topicPrefix();
				long expected = client.submit("add", new CounterService.Add("c", 1)).get(30, TimeUnit.SECONDS)
					.output("added", CounterService.Added.class).value();
				Set<Thread> readers = readers(prefix);
				assertThat(readers).extracting(Thread::getName)
					.contains(prefix + "-reader");

				this.broker.close();
				long stoppedAt = System.nanoTime();

				// at once: the log has not been silent for the ack timeout yet, but the queue is full
				List<CompletableFuture<TransactionResult>> accepted = new ArrayList<>();
				LogUnavailableException full = submitUntilRefused(client, accepted);
				assertThat(accepted).hasSize(MAX_WAITING);
				assertThat(full.waitingSubmissions()).isEqualTo(MAX_WAITING);
				assertThat(full).hasMessageContaining("vmodb.client.max-waiting");

				// once a write has waited for the ack timeout, because the log is silent
				LogUnavailableException silent = awaitSilentLogRefusal(client);
				long detectedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
				assertThat(silent.unacknowledgedMillis()).isGreaterThanOrEqualTo(2_000);
				assertThat(silent.waitingSubmissions()).isEqualTo(MAX_WAITING);
				assertThat(silent.inDoubt()).isFalse();
				assertThat(silent).hasMessageContaining(this.broker.bootstrapServers())
					.hasMessageContaining("vmodb.kafka.bootstrap-servers");
				assertThat(accepted).noneMatch(CompletableFuture::isDone);

				this.broker = EmbeddedKafkaBroker.start(brokerSettings);
				long restartedAt = System.nanoTime();

				// every submission accepted before the outage commits, in order
				for (CompletableFuture<TransactionResult> waiting : accepted) {
					expected++;
					assertThat(waiting.get(60, TimeUnit.SECONDS).output("added", CounterService.Added.class).value())
						.isEqualTo(expected);
				}
				long drainedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartedAt);
				// new submissions are accepted again (after a probe) and commit
				TransactionResult after = submitWhenAccepted(client, new CounterService.Add("c", 1)).get(60, TimeUnit.SECONDS);
				long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartedAt);
				long last = expected + 1;
				assertThat(after.output("added", CounterService.Added.class).value()).isEqualTo(last);
				assertThat(context.getBean(CounterRepository.class).findById("c"))
					.hasValueSatisfying(counter -> assertThat(counter.getValue()).isEqualTo(last));
				assertThat(readers(prefix)).containsExactlyInAnyOrderElementsOf(readers);
				System.out.printf("Log outage: refused for silence %,d ms after the broker stopped; after the restart, "
						+ "%d waiting submissions committed within %,d ms and a new one within %,d ms%n", detectedMillis,
						MAX_WAITING, drainedMillis, recoveredMillis);
			});
	}

	private static LogUnavailableException submitUntilRefused(VmsClient client,
			List<CompletableFuture<TransactionResult>> accepted) {
		for (int i = 0; i <= MAX_WAITING; i++) {
			try {
				accepted.add(client.submit("add", new CounterService.Add("c", 1)));
			}
			catch (LogUnavailableException ex) {
				return ex;
			}
		}
		return fail("%d submissions were accepted while the broker was down; at most %d may wait", accepted.size(),
				MAX_WAITING);
	}

	private static LogUnavailableException awaitSilentLogRefusal(VmsClient client) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			try {
				client.submit("add", new CounterService.Add("c", 1));
				fail("a submission was accepted while the broker was down and the queue was full");
			}
			catch (LogUnavailableException ex) {
				if (ex.getMessage().contains("has not acknowledged a write for")) {
					return ex;
				}
			}
			Thread.sleep(100);
		}
		return fail("submissions were not refused for the log's silence within 60 s");
	}

	private static CompletableFuture<TransactionResult> submitWhenAccepted(VmsClient client, Record payload)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			try {
				return client.submit("add", payload);
			}
			catch (LogUnavailableException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(50);
			}
		}
	}

	/** The threads reading the application's log, named after its topic prefix. */
	private static Set<Thread> readers(String prefix) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(thread -> thread.getName().startsWith(prefix + "-"))
			.filter(Thread::isAlive)
			.collect(Collectors.toSet());
	}

	private static int freePort() throws Exception {
		try (ServerSocket probe = new ServerSocket(0)) {
			return probe.getLocalPort();
		}
	}

}
