package dev.vmodb.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads part of one partition once: how a starting coordinator learns what its predecessors decided, and how a
 * restarting VMS finds the topology its checkpoint names.
 */
final class PartitionReader {

	private PartitionReader() {
	}

	static List<byte[]> readToEnd(KafkaLogSettings settings, TopicPartition partition) {
		return read(settings, partition, 0, Long.MAX_VALUE);
	}

	/**
	 * Reads the record at an offset.
	 * @param settings the log
	 * @param partition the partition
	 * @param offset the record's offset
	 * @return its value
	 * @throws IllegalStateException if the partition has no record there (it was deleted, or never written)
	 */
	static byte[] readAt(KafkaLogSettings settings, TopicPartition partition, long offset) {
		List<byte[]> values = read(settings, partition, offset, offset + 1);
		if (values.isEmpty()) {
			throw new IllegalStateException("The log has no record at offset " + offset + " of " + partition
					+ "; was the topic deleted or its retention shortened below what a checkpoint still needs?");
		}
		return values.get(0);
	}

	/** The records from an offset (or the partition's beginning, if later) up to another or the current end. */
	private static List<byte[]> read(KafkaLogSettings settings, TopicPartition partition, long from, long until) {
		Map<String, Object> config = settings.clientConfig();
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Math.max(1024 * 1024, settings.maxRecordBytes()));
		List<byte[]> values = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = List.of(partition);
			consumer.assign(partitions);
			long beginning = consumer.beginningOffsets(partitions).get(partition);
			long end = Math.min(until, consumer.endOffsets(partitions).get(partition));
			if (from <= beginning) {
				consumer.seekToBeginning(partitions);
			}
			else {
				consumer.seek(partition, from);
			}
			while (consumer.position(partition) < end) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() >= from && record.offset() < end) {
						values.add(record.value());
					}
				}
			}
		}
		return values;
	}

}
