package dev.vmodb.samples.crash;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.core.api.VmsClient;
import dev.vmodb.samples.crash.CrashDeployment.Restart;

import static org.assertj.core.api.Assertions.fail;

/**
 * Kills processes of a running deployment with SIGKILL and checks that nothing committed is lost and nothing is
 * applied in part (issue 5, guarantee 3).
 *
 * <p>Three processes on 127.0.0.1: a Kafka broker ({@link BrokerProcess}, a kept log directory and a fixed port),
 * process A with the accounts VMS and the coordinator, and process B with the ledger and audit VMSs
 * ({@link AppProcess}; file H2 databases). The driver runs in this JVM as an application without VMSs and keeps a
 * fixed number of transfers and deposits in flight ({@link CrashWorkload}). Each round waits a random moment, kills
 * one process (B, A and the broker in turn), starts it again on the same directories and port, and waits until a
 * transfer submitted after the restart commits. Then the driver stops, waits for its open futures (those left are in
 * doubt), the applications stop once they applied the last commit the driver saw, and {@link CrashChecks} compares
 * their H2 files ({@link CommittedState}) with what the driver was told.
 *
 * <p>Short form (3 rounds, one kill of each kind) in {@code ./mvnw -B verify}. Long form:
 * <pre>
 * ./mvnw -B -o -pl sample-apps/demo -am verify -Dtest=CrashRecoveryTest -Dcrash.rounds=20 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Other knobs: {@code -Dcrash.kinds=coordinator-A,broker} (which processes to kill, in turn; default
 * {@code vms-process-B,coordinator-A,broker}), {@code -Dcrash.seed=} (repeat a run's random choices; printed in the
 * report),
 * {@code -Dcrash.in-flight=} (default 32), {@code -Dcrash.resume-timeout-seconds=} (default 60). Children's logs go
 * to {@code sample-apps/demo/target/crash/run-<time>/logs}; the broker's log and the databases stay there too when
 * the test fails.
 */
class CrashRecoveryTest {

	private static final int ROUNDS = Integer.getInteger("crash.rounds", 3);

	/** The processes killed, in turn; by default each kind once per three rounds. */
	private static final List<ProcessKind> KINDS = ProcessKind.parse(System.getProperty("crash.kinds",
			"vms-process-B,coordinator-A,broker"));

	private static final int IN_FLIGHT = Integer.getInteger("crash.in-flight", 32);

	private static final Duration RESUME_TIMEOUT = Duration.ofSeconds(Integer.getInteger("crash.resume-timeout-seconds", 60));

	/** Open futures get this long after the last round; what is still open then is in doubt. */
	private static final Duration OUTSTANDING_TIMEOUT = Duration.ofSeconds(30);

	private static final int MIN_PAUSE_MILLIS = 1_000;

	private static final int MAX_PAUSE_MILLIS = 4_000;

	@Test
	void committedTransactionsSurviveSigkillOfAnyProcess() throws Exception {
		long seed = Long.getLong("crash.seed", System.nanoTime());
		Random random = new Random(seed);
		Path directory = Path.of(System.getProperty("basedir", "."), "target", "crash",
				"run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		CrashReport report = new CrashReport("seed " + seed + ", " + IN_FLIGHT + " in flight, killing " + KINDS.stream()
			.map(ProcessKind::label)
			.toList() + " in turn, run in " + directory);
		try (CrashDeployment deployment = new CrashDeployment(directory, freePort())) {
			deployment.start();
			CrashWorkload workload;
			try (ConfigurableApplicationContext driver = startDriver(deployment.bootstrapServers())) {
				workload = new CrashWorkload(driver.getBean(VmsClient.class), IN_FLIGHT, random.nextLong());
				workload.open(Duration.ofSeconds(60));
				workload.start();
				runRounds(deployment, workload, random, report);
				int open = workload.stop(OUTSTANDING_TIMEOUT);
				if (open > 0) {
					report.note(open + " futures still open " + OUTSTANDING_TIMEOUT.toSeconds() + " s after the last round");
				}
			}
			List<Submitted> submitted = workload.submitted();
			report.outcomes(submitted);
			long lastBatch = submitted.stream()
				.filter(s -> s.outcome() == Submitted.Outcome.COMMITTED)
				.mapToLong(Submitted::batch)
				.max()
				.orElse(0);
			deployment.drain(lastBatch).forEach(line -> report.note("Drained after batch " + lastBatch + ": " + line));
			CommittedState state = CommittedState.read(deployment.databases(ProcessKind.COORDINATOR_HOLDER),
					deployment.databases(ProcessKind.VMS_PROCESS));
			report.note("State read from H2: " + state.debits().size() + " debits, " + state.credits().size()
					+ " credits, " + state.audit().size() + " audit entries; checkpoints " + state.checkpoints());
			report.problems(CrashChecks.verify(submitted, state, lastBatch));
			ChildLogErrors.summarize(deployment.logs()).forEach(error -> report.note("Child logged " + error));
			System.out.println(report.format());
			if (!report.problems().isEmpty()) {
				fail(report.format() + "\nChildren's logs:\n" + String.join("\n",
						deployment.logs().stream().map(Path::toString).toList()) + "\n" + deployment.tails());
			}
		}
		deleteData(directory);
	}

	private static void runRounds(CrashDeployment deployment, CrashWorkload workload, Random random,
			CrashReport report) throws InterruptedException {
		long start = System.nanoTime();
		for (int round = 1; round <= ROUNDS; round++) {
			Thread.sleep(MIN_PAUSE_MILLIS + random.nextInt(MAX_PAUSE_MILLIS - MIN_PAUSE_MILLIS));
			ProcessKind kind = KINDS.get((round - 1) % KINDS.size());
			double killedAt = (System.nanoTime() - start) / 1e9;
			Restart restart;
			try {
				restart = deployment.killAndRestart(kind);
			}
			catch (CrashTestException ex) {
				report.problem("round " + round + ": " + ex.getMessage());
				return;
			}
			long resumedAt = awaitResumption(workload, restart.launchedAt());
			OptionalLong firstCommit = workload.firstTransferCommitAfter(restart.launchedAt());
			report.round(new CrashReport.Round(round, kind, killedAt, restart.readyMillis(),
					firstCommit.isPresent() ? millisSince(restart.launchedAt(), firstCommit.getAsLong()) : -1,
					(resumedAt >= 0) ? millisSince(restart.launchedAt(), resumedAt) : -1));
			System.out.printf("Crash round %d: killed %s at %.1f s, ready after %d ms, %s%n", round, kind.label(),
					killedAt, restart.readyMillis(), (resumedAt >= 0)
							? "new transfers commit after " + millisSince(restart.launchedAt(), resumedAt) + " ms"
							: "NO NEW TRANSFER COMMITTED");
			if (resumedAt < 0) {
				report.problem("round " + round + ": after " + kind.label() + " was killed and restarted, no transfer "
						+ "submitted after the restart committed within " + RESUME_TIMEOUT.toSeconds()
						+ " s: the workload did not resume\n" + deployment.tails());
				return;
			}
		}
	}

	/** When the first transfer submitted after the restart committed, or -1 if none did in time. */
	private static long awaitResumption(CrashWorkload workload, long launchedAt) throws InterruptedException {
		long deadline = System.nanoTime() + RESUME_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			OptionalLong resumed = workload.firstCommitOfTransferSubmittedAfter(launchedAt);
			if (resumed.isPresent()) {
				return resumed.getAsLong();
			}
			Thread.sleep(20);
		}
		return -1;
	}

	private static long millisSince(long from, long to) {
		return TimeUnit.NANOSECONDS.toMillis(to - from);
	}

	private static ConfigurableApplicationContext startDriver(String bootstrapServers) {
		// command-line arguments win over the demo's application.yml (its Kafka loggers would fill the test's output
		// with reconnection warnings while the broker is down)
		return new SpringApplicationBuilder(CrashApplications.Driver.class).run(
				"--vmodb.application-name=" + CrashDeployment.APPLICATION_NAME,
				"--vmodb.kafka.bootstrap-servers=" + bootstrapServers, "--vmodb.coordinator.enabled=false",
				"--spring.main.banner-mode=off", "--logging.level.org.apache.kafka=error", "--logging.level.kafka=error",
				"--logging.level.org.hibernate=warn");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** After a passing run only the children's logs stay: the broker's log and the databases take space. */
	private static void deleteData(Path directory) throws IOException {
		for (String data : List.of("kafka", "h2-" + ProcessKind.COORDINATOR_HOLDER.label(),
				"h2-" + ProcessKind.VMS_PROCESS.label())) {
			Path root = directory.resolve(data);
			if (Files.exists(root)) {
				try (Stream<Path> paths = Files.walk(root)) {
					paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
				}
			}
		}
	}

}
