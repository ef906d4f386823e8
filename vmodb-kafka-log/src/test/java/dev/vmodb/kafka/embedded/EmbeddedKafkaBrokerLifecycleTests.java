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
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults().withPort(port))) {
			assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
			assertThat(clusterId(broker)).isNotBlank();

			assertThatIllegalStateException()
				.isThrownBy(() -> EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults().withPort(port)))
				.withStackTraceContaining(String.valueOf(port));
		}
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
