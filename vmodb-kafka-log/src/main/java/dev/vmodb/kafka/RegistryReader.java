package dev.vmodb.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import dev.vmodb.core.protocol.ProtocolCodec;
import dev.vmodb.core.topology.VmsManifest;

/**
 * Reads the registry until the manifests of the VMSs the coordinator expects are all there.
 */
final class RegistryReader {

	private static final Logger logger = Logger.getLogger(RegistryReader.class.getName());

	private final KafkaLogSettings settings;

	private final TopicLayout layout;

	RegistryReader(KafkaLogSettings settings, TopicLayout layout) {
		this.settings = settings;
		this.layout = layout;
	}

	/**
	 * Waits for manifests.
	 * @param expected the VMS names
	 * @param timeout how long to wait
	 * @return the latest manifest of every registered VMS, by name
	 * @throws IllegalStateException naming the missing VMSs when the time is up
	 */
	Map<String, VmsManifest> await(Set<String> expected, Duration timeout) {
		Map<String, Object> config = this.settings.clientConfig();
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Map<String, VmsManifest> manifests = new TreeMap<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		long nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		TopicPartition partition = new TopicPartition(this.layout.registry(), 0);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			while (true) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					manifests.put(new String(record.key(), StandardCharsets.UTF_8), ProtocolCodec.decodeManifest(record.value()));
				}
				Set<String> missing = new TreeSet<>(expected);
				missing.removeAll(manifests.keySet());
				long now = System.nanoTime();
				boolean caughtUp = consumer.position(partition) >= consumer.endOffsets(List.of(partition)).get(partition);
				if (missing.isEmpty() && caughtUp) {
					return manifests;
				}
				if (now > deadline) {
					throw new IllegalStateException("The coordinator waited " + timeout.toSeconds() + " s for VMS(s) "
							+ missing + " to register in " + this.layout.registry() + "; registered: "
							+ manifests.keySet() + ". Start the applications hosting them, or fix vmodb.coordinator.expected-vms");
				}
				if (now > nextReport && !missing.isEmpty()) {
					logger.info(() -> "Coordinator waiting for VMS(s) " + missing + " to register");
					nextReport = now + Duration.ofSeconds(5).toNanos();
				}
			}
		}
	}

}
