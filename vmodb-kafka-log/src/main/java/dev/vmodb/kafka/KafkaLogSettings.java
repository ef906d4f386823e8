package dev.vmodb.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.kafka.clients.CommonClientConfigs;

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

	private static final Pattern TOPIC_PREFIX = Pattern.compile("[a-zA-Z0-9._-]+");

	public KafkaLogSettings {
		Objects.requireNonNull(bootstrapServers, "bootstrapServers");
		if (!isValidTopicPrefix(topicPrefix)) {
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

	/**
	 * Whether a prefix makes valid Kafka topic names.
	 * @param topicPrefix the prefix
	 * @return whether it is made of letters, digits, '.', '_' and '-'
	 */
	public static boolean isValidTopicPrefix(String topicPrefix) {
		return topicPrefix != null && TOPIC_PREFIX.matcher(topicPrefix).matches();
	}

	/**
	 * What every client of the log is configured with: the cluster and the extra client properties.
	 * @return a new, modifiable map for one client to add its own settings to
	 */
	public Map<String, Object> clientConfig() {
		Map<String, Object> config = new HashMap<>(this.clientProperties);
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		return config;
	}

}
