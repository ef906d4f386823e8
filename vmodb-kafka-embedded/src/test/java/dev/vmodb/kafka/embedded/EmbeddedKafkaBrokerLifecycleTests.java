package dev.vmodb.kafka.embedded;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Starting, stopping and restarting embedded brokers: persistent and temporary directories, fixed ports.
 */
class EmbeddedKafkaBrokerLifecycleTests {

	@Test
	void restartedBrokerKeepsClusterTopicsRecordsAndCommittedOffsets(@TempDir Path directory) throws Exception {
		List<String> before = IntStream.range(0, 200).mapToObj(i -> "before-" + i).toList();
		String clusterId;
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settingsOn(directory))) {
			Clients.createTopic(broker.bootstrapServers(), "ledger", Optional.of(2));
			Clients.send(broker.bootstrapServers(), "ledger", before);
			assertThat(Clients.values(Clients.consume(broker.bootstrapServers(), "ledger", "auditor", before.size(),
					"read_uncommitted"))).containsExactlyInAnyOrderElementsOf(before);
			clusterId = clusterId(broker);
		}
		assertThat(directory.resolve("meta.properties")).exists();

		List<String> after = List.of("after-1", "after-2", "after-3");
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settingsOn(directory))) {
			assertThat(clusterId(broker)).isEqualTo(clusterId);
			try (Admin admin = Clients.admin(broker.bootstrapServers())) {
				assertThat(admin.listTopics().names().get()).contains("ledger");
			}
			Clients.send(broker.bootstrapServers(), "ledger", after);

			// A new group reads everything from the start; the group that committed before the restart resumes.
			assertThat(Clients.values(Clients.consume(broker.bootstrapServers(), "ledger", "newcomer",
					before.size() + after.size(), "read_uncommitted")))
				.containsExactlyInAnyOrderElementsOf(concat(before, after));
			assertThat(Clients.values(Clients.consume(broker.bootstrapServers(), "ledger", "auditor", after.size(),
					"read_uncommitted"))).containsExactlyInAnyOrderElementsOf(after);
		}
		assertThat(directory).exists();
	}

	@Test
	void temporaryDirectoryIsDeletedOnClose() {
		Path directory;
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults())) {
			directory = broker.logDirectory();
			assertThat(directory.resolve("meta.properties")).exists();
		}
		assertThat(Files.exists(directory)).isFalse();
	}

	@Test
	void listensOnAGivenPortAndRefusesOneInUse() throws Exception {
		int port = freePort();
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults().withPort(port))) {
			assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
			assertThat(clusterId(broker)).isNotBlank();

			assertThatIllegalStateException()
				.isThrownBy(() -> EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults().withPort(port)))
				.withStackTraceContaining(String.valueOf(port));
		}
	}

	@Test
	void failedStartReleasesItsPort(@TempDir Path directory) throws Exception {
		// Formatted for another node: the broker refuses the directory after binding its listeners.
		Files.writeString(directory.resolve("meta.properties"),
				"version=1\ncluster.id=" + org.apache.kafka.common.Uuid.randomUuid() + "\nnode.id=7\n");
		int port = freePort();

		assertThatIllegalStateException()
			.isThrownBy(() -> EmbeddedKafkaBroker.start(settingsOn(directory).withPort(port)))
			.withMessageContaining(directory.toString());
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults().withPort(port))) {
			assertThat(broker.bootstrapServers()).endsWith(":" + port);
		}
	}

	@Test
	void closingTwiceDoesNothing() {
		EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults());
		broker.close();

		broker.close();
		assertThat(Files.exists(broker.logDirectory())).isFalse();
	}

	@Test
	void exitingJvmClosesTheBroker() throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ExitWithoutClosing.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(child.getInputStream().readAllBytes());

		assertThat(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		assertThat(child.exitValue()).as(output).isZero();
		String directory = output.lines()
			.filter(line -> line.startsWith("directory="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no directory in: " + output))
			.substring("directory=".length());
		// The shutdown hook closed the broker, which deletes its temporary directory.
		assertThat(Files.exists(Path.of(directory))).as(output).isFalse();
	}

	@Test
	void settingsRejectImpossibleValues() {
		assertThatIllegalArgumentExceptionFor(() -> new EmbeddedBrokerSettings(null, -1, 1));
		assertThatIllegalArgumentExceptionFor(() -> new EmbeddedBrokerSettings(null, 65536, 1));
		assertThatIllegalArgumentExceptionFor(() -> new EmbeddedBrokerSettings(null, 0, 0));
	}

	private static void assertThatIllegalArgumentExceptionFor(Runnable action) {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(action::run);
	}

	private static int freePort() throws Exception {
		try (ServerSocket probe = new ServerSocket(0)) {
			return probe.getLocalPort();
		}
	}

	private static EmbeddedBrokerSettings settingsOn(Path directory) {
		return EmbeddedBrokerSettings.defaults().withLogDirectory(directory);
	}

	private static String clusterId(EmbeddedKafkaBroker broker) throws Exception {
		try (Admin admin = Clients.admin(broker.bootstrapServers())) {
			return admin.describeCluster().clusterId().get();
		}
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

}
