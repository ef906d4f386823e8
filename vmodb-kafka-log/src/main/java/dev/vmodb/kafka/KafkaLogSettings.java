package dev.vmodb.kafka;

import java.util.Map;
import java.util.Objects;

/**
 * How the unified event log uses Kafka.
 *
 * @param bootstrapServers the cluster
 * @param topicPrefix the prefix of every topic name, normally derived from the application name
 * @param inputPartitions partitions of the input topic, the sequencer (batches take one range per partition)
 * @param replicationFactor replicas of every topic
 * @param maxRecordBytes the largest record the log writes (packed events); topics and producers are configured
 * for it
 * @param clientProperties extra Kafka client properties (security, timeouts), applied to every client
 */
public record KafkaLogSettings(String bootstrapServers, String topicPrefix, int inputPartitions,
		short replicationFactor, int maxRecordBytes, Map<String, Object> clientProperties) {

	public KafkaLogSettings {
		Objects.requireNonNull(bootstrapServers, "bootstrapServers");
		if (topicPrefix == null || !topicPrefix.matches("[a-zA-Z0-9._-]+")) {
			throw new IllegalArgumentException("Topic prefix '" + topicPrefix
					+ "' is invalid; use letters, digits, '.', '_' and '-'");
		}
		if (inputPartitions < 1) {
			throw new IllegalArgumentException("The input topic needs at least one partition, got " + inputPartitions);
		}
		if (replicationFactor < 1) {
			throw new IllegalArgumentException("Replication factor must be at least 1, got " + replicationFactor);
		}
		if (maxRecordBytes < 1024) {
			throw new IllegalArgumentException("Max record size must be at least 1024 bytes, got " + maxRecordBytes);
		}
		clientProperties = Map.copyOf(clientProperties);
	}

}
