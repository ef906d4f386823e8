package dev.vmodb.benchmarks;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The client settings of the capacity measurements: what an event log writer and reader would use.
 */
final class KafkaClientConfigs {

	/** Small, so a record waits at most this long for others to share its batch, as a latency-minded writer would. */
	static final int LINGER_MS = 1;

	/** Per-partition fetch size: the default 1 MiB would return only 16 records of 64 KiB per fetch. */
	static final int MAX_PARTITION_FETCH_BYTES = 4 * 1024 * 1024;

	private KafkaClientConfigs() {
	}

	/**
	 * An idempotent producer waiting for every in-sync replica, with batches of several records.
	 * @param bootstrapServers the broker
	 * @param recordBytes the size of the records it will send
	 * @return the producer configuration
	 */
	static Map<String, Object> producer(String bootstrapServers, int recordBytes) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize(recordBytes));
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return config;
	}

	/**
	 * The producer's batch size for records of a size: 128 KiB, or 8 records if they are larger than 16 KiB (the
	 * default of 16 KiB would send every 64 KiB record alone).
	 * @param recordBytes the size of the records
	 * @return the batch size in bytes
	 */
	static int batchSize(int recordBytes) {
		return Math.max(128 * 1024, 8 * (recordBytes + 128));
	}

	/**
	 * A consumer without a group (partitions are assigned by the caller), reading committed records only.
	 * @param bootstrapServers the broker
	 * @return the consumer configuration
	 */
	static Map<String, Object> consumer(String bootstrapServers) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_PARTITION_FETCH_BYTES);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		return config;
	}

}
