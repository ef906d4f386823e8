package dev.vmodb.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Recovery replays the logs after each checkpoint, so the topics it reads keep every record, and a VMS whose
 * checkpoint needs records the log no longer has refuses to start instead of silently skipping them.
 */
class LogRetentionIntegrationTests {

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults());
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void theLogsRecoveryReadsKeepEveryRecordAndTheRegistryIsCompacted() throws Exception {
		KafkaLogSettings settings = settings("vmodb.retention");
		TopicLayout layout = new TopicLayout(settings.topicPrefix());
		try (Admin admin = Admin.create(settings.clientConfig())) {
			new TopicProvisioner(admin, settings).provision(layout, List.of("stock"));
			for (String topic : List.of(layout.input(), layout.control(), layout.done(), layout.events("stock"))) {
				Config config = config(admin, topic);
				assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as("retention.ms of %s", topic).isEqualTo("-1");
				assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).as("retention.bytes of %s", topic)
					.isEqualTo("-1");
			}
			assertThat(config(admin, layout.registry()).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
		}
	}

	@Test
	void aReaderWhoseStartWasDeletedRefusesToStart() throws Exception {
		KafkaLogSettings settings = settings("vmodb.truncated");
		TopicLayout layout = new TopicLayout(settings.topicPrefix());
		TopicPartition events = new TopicPartition(layout.events("stock"), 0);
		try (Admin admin = Admin.create(settings.clientConfig());
				KafkaLogWriter writer = new KafkaLogWriter(settings, layout, "truncated-writer")) {
			new TopicProvisioner(admin, settings).provision(layout, List.of("stock"));
			for (int i = 0; i < 10; i++) {
				writer.appendEvents("stock", new byte[] { (byte) i }).get(30, TimeUnit.SECONDS);
			}
			// what a shortened retention does to a topic
			admin.deleteRecords(Map.of(events, RecordsToDelete.beforeOffset(6))).all().get(30, TimeUnit.SECONDS);
		}
		assertThatIllegalStateException()
			.isThrownBy(() -> new LogPump("truncated", settings, List.of(events), Map.of(events, 4L), record -> {
			}))
			.withMessageContaining("from offset 4")
			.withMessageContaining("only from offset 6");
		// from a position the log still has, it starts
		new LogPump("kept", settings, List.of(events), Map.of(events, 6L), record -> {
		}).close();
	}

	private static KafkaLogSettings settings(String prefix) {
		return new KafkaLogSettings(broker.bootstrapServers(), prefix, 1, (short) 1, 1024 * 1024, Map.of());
	}

	private static Config config(Admin admin, String topic) throws Exception {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
	}

}
