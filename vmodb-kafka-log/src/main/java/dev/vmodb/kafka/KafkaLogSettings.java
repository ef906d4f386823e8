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
 * @param resilience how the log rides out failures of the cluster
 */
public record KafkaLogSettings(String bootstrapServers, String topicPrefix, int inputPartitions,
		short replicationFactor, int maxRecordBytes, Map<String, Object> clientProperties, LogResilience resilience) {

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
		Objects.requireNonNull(resilience, "resilience");
	}

	/**
	 * Settings with the default {@link LogResilience}.
	 * @param bootstrapServers the cluster
	 * @param topicPrefix the prefix of every topic name
	 * @param inputPartitions partitions of the input topic
	 * @param replicationFactor replicas of every topic
	 * @param maxRecordBytes the largest record the log writes
	 * @param clientProperties extra Kafka client properties
	 */
	public KafkaLogSettings(String bootstrapServers, String topicPrefix, int inputPartitions, short replicationFactor,
			int maxRecordBytes, Map<String, Object> clientProperties) {
		this(bootstrapServers, topicPrefix, inputPartitions, replicationFactor, maxRecordBytes, clientProperties,
				LogResilience.defaults());
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
	 * What every client of the log is configured with: the cluster, the extra client properties, and retries and
	 * reconnects that back off up to {@link LogResilience#maxRetryBackoff()} unless the properties say otherwise.
	 * @return a new, modifiable map for one client to add its own settings to
	 */
	public Map<String, Object> clientConfig() {
		Map<String, Object> config = new HashMap<>(this.clientProperties);
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		long maxBackoff = this.resilience.maxRetryBackoff().toMillis();
		// Kafka's initial backoffs (100 ms, 50 ms) must not exceed their maximums
		config.putIfAbsent(CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG, maxBackoff);
		config.putIfAbsent(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, Math.min(100, maxBackoff));
		config.putIfAbsent(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, maxBackoff);
		config.putIfAbsent(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, Math.min(50, maxBackoff));
		return config;
	}

}
