package dev.vmodb.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes records of one size to a one-partition topic as fast as one producer can for a while, then reads them all
 * back with one consumer.
 */
final class KafkaThroughput {

	/** A reader that cannot catch up within this time is broken, not slow. */
	private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(2);

	private final String bootstrapServers;

	KafkaThroughput(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Measures producing, then consuming, records of one size.
	 * @param topic an empty topic with one partition
	 * @param recordBytes the size of each record's value (records have no key)
	 * @param duration how long to produce
	 * @return the produce and consume rates
	 */
	KafkaCapacity.Throughput measure(String topic, int recordBytes, Duration duration) {
		KafkaCapacity.Rate produced = produce(topic, recordBytes, duration);
		// The consumer also reads the record that primed the producer.
		KafkaCapacity.Rate consumed = consume(topic, produced.records() + 1);
		return new KafkaCapacity.Throughput(recordBytes, produced, consumed);
	}

	private KafkaCapacity.Rate produce(String topic, int recordBytes, Duration duration) {
		// Random bytes, so that compression (off here) or deduplication anywhere could not flatter the figures.
		byte[] value = new byte[recordBytes];
		new Random(recordBytes).nextBytes(value);
		LongAdder acknowledged = new LongAdder();
		AtomicReference<Exception> failure = new AtomicReference<>();
		Callback callback = (metadata, exception) -> {
			if (exception != null) {
				failure.compareAndSet(null, exception);
			}
			else {
				acknowledged.increment();
			}
		};
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				KafkaClientConfigs.producer(this.bootstrapServers, recordBytes))) {
			// The first send waits for metadata: outside the measured time.
			producer.send(new ProducerRecord<>(topic, value), callback);
			producer.flush();
			acknowledged.reset();
			long start = System.nanoTime();
			long deadline = start + duration.toNanos();
			while (System.nanoTime() < deadline && failure.get() == null) {
				producer.send(new ProducerRecord<>(topic, value), callback);
			}
			producer.flush();
			double seconds = (System.nanoTime() - start) / 1e9;
			if (failure.get() != null) {
				throw new IllegalStateException("Producing to " + topic + " failed", failure.get());
			}
			long records = acknowledged.sum();
			return new KafkaCapacity.Rate(records, records * recordBytes, seconds);
		}
	}

	private KafkaCapacity.Rate consume(String topic, long expected) {
		TopicPartition partition = new TopicPartition(topic, 0);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				KafkaClientConfigs.consumer(this.bootstrapServers))) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long records = 0;
			long bytes = 0;
			long start = System.nanoTime();
			long deadline = start + CONSUME_TIMEOUT.toNanos();
			while (records < expected) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					records++;
					bytes += record.value().length;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Read " + records + " of " + expected + " records of " + topic
							+ " in " + CONSUME_TIMEOUT.toSeconds() + " s");
				}
			}
			return new KafkaCapacity.Rate(records, bytes, (System.nanoTime() - start) / 1e9);
		}
	}

}
