package dev.vmodb.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The time from handing a record to the producer to a consumer polling it, at a steady moderate rate.
 *
 * <p>Producer and consumer run in this JVM, so each record carries its {@link System#nanoTime()} send time and the
 * consumer subtracts it from its own clock.
 */
final class KafkaHopLatency {

	private final String bootstrapServers;

	KafkaHopLatency(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Sends records at a fixed rate and records the latency of each one sent after the warm-up.
	 * @param topic an empty topic with one partition
	 * @param recordBytes the record size (at least 8 bytes)
	 * @param recordsPerSecond the rate
	 * @param warmup how long to send before recording
	 * @param duration how long to record
	 * @return the latency percentiles
	 */
	KafkaCapacity.HopLatency measure(String topic, int recordBytes, int recordsPerSecond, Duration warmup,
			Duration duration) throws Exception {
		TopicPartition partition = new TopicPartition(topic, 0);
		int expected = (int) ((warmup.toNanos() + duration.toNanos()) * recordsPerSecond / 1_000_000_000L);
		long[] sentAt = new long[expected];
		long[] receivedAt = new long[expected];
		CountDownLatch positioned = new CountDownLatch(1);
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger received = new AtomicInteger();
		CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
			try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
					KafkaClientConfigs.consumer(this.bootstrapServers))) {
				consumer.assign(List.of(partition));
				consumer.seekToEnd(List.of(partition));
				consumer.position(partition);
				positioned.countDown();
				int count = 0;
				while (count < expected && !stop.get()) {
					for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
						long now = System.nanoTime();
						if (count < expected) {
							sentAt[count] = ByteBuffer.wrap(record.value()).getLong(0);
							receivedAt[count] = now;
							count++;
						}
					}
				}
				received.set(count);
			}
		});
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				KafkaClientConfigs.producer(this.bootstrapServers, recordBytes))) {
			// Metadata first, so the first timed record does not wait for it.
			producer.partitionsFor(topic);
			if (!positioned.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The latency consumer did not start");
			}
			long interval = 1_000_000_000L / recordsPerSecond;
			long start = System.nanoTime();
			long measureFrom = start + warmup.toNanos();
			for (int i = 0; i < expected; i++) {
				long due = start + i * interval;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				byte[] value = new byte[recordBytes];
				ByteBuffer.wrap(value).putLong(0, System.nanoTime());
				producer.send(new ProducerRecord<>(topic, value));
			}
			producer.flush();
			reader.get(30, TimeUnit.SECONDS);
			return percentiles(sentAt, receivedAt, received.get(), measureFrom, recordsPerSecond);
		}
		finally {
			stop.set(true);
		}
	}

	private static KafkaCapacity.HopLatency percentiles(long[] sentAt, long[] receivedAt, int count, long measureFrom,
			int recordsPerSecond) {
		double[] millis = new double[count];
		int samples = 0;
		for (int i = 0; i < count; i++) {
			if (sentAt[i] >= measureFrom) {
				millis[samples++] = (receivedAt[i] - sentAt[i]) / 1e6;
			}
		}
		double[] sorted = Arrays.copyOf(millis, samples);
		Arrays.sort(sorted);
		return new KafkaCapacity.HopLatency(recordsPerSecond, samples, percentile(sorted, 0.50),
				percentile(sorted, 0.99), (samples > 0) ? sorted[samples - 1] : Double.NaN);
	}

	/** The nearest-rank percentile: the smallest sample at or above the given share of the samples. */
	private static double percentile(double[] sorted, double share) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(share * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

}
