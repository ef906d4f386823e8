package dev.vmodb.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.AppInfoParser;

import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;

/**
 * What a Kafka broker carries with the clients the event log uses: produce and consume rates for small records and
 * for 64 KiB records packing many events, and the latency of one produce-to-consume hop.
 *
 * <p>{@link #measure(String, boolean)} works against any broker and keeps no state between calls (its topics get
 * fresh names and are deleted afterwards), so another benchmark can print this raw capacity next to its own figures.
 * {@link #main(String[])} starts an {@link EmbeddedKafkaBroker} and measures it; {@code --quick} for a short run.
 */
public final class KafkaCapacity {

	/** A small event on its own. */
	static final int SMALL_RECORD_BYTES = 100;

	/** Many events packed into one record, so per-record costs are paid once for all of them. */
	static final int PACKED_RECORD_BYTES = 64 * 1024;

	/** A moderate rate for the hop latency: far below capacity, so it shows the path and not a queue. */
	static final int HOP_RECORDS_PER_SECOND = 1_000;

	private KafkaCapacity() {
	}

	/**
	 * Measures a broker: produce then consume 100-byte records, the same for 64 KiB records, then the hop latency.
	 * Creates and deletes its own one-partition topics.
	 * @param bootstrapServers the broker
	 * @param quick about 5 s in all instead of about 25 s
	 * @return the figures
	 * @throws Exception if the broker fails or times out
	 */
	public static Figures measure(String bootstrapServers, boolean quick) throws Exception {
		Duration warmup = quick ? Duration.ofMillis(500) : Duration.ofSeconds(2);
		Duration measurement = quick ? Duration.ofSeconds(1) : Duration.ofSeconds(4);
		String run = "vmodb-capacity-" + Long.toHexString(System.nanoTime());
		List<String> topics = Stream.of("warmup-small", "warmup-packed", "small", "packed", "hop")
			.map(name -> run + "-" + name)
			.toList();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			createTopics(admin, topics);
			try {
				KafkaThroughput throughput = new KafkaThroughput(bootstrapServers);
				// Both paths of clients and broker compiled by the JIT before anything is measured.
				throughput.measure(topics.get(0), SMALL_RECORD_BYTES, warmup.dividedBy(2));
				throughput.measure(topics.get(1), PACKED_RECORD_BYTES, warmup.dividedBy(2));
				Throughput small = throughput.measure(topics.get(2), SMALL_RECORD_BYTES, measurement);
				Throughput packed = throughput.measure(topics.get(3), PACKED_RECORD_BYTES, measurement);
				HopLatency hop = new KafkaHopLatency(bootstrapServers).measure(topics.get(4), SMALL_RECORD_BYTES,
						HOP_RECORDS_PER_SECOND, warmup.dividedBy(2), measurement);
				return new Figures(small, packed, hop, warmup, measurement);
			}
			finally {
				admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
			}
		}
	}

	/**
	 * Measures producing, then consuming, records of one given size, such as the mean size of the records an event
	 * log wrote in a run: a warm-up on one topic, then the measurement on another. Creates and deletes its own
	 * one-partition topics.
	 * @param bootstrapServers the broker
	 * @param recordBytes the size of each record's value
	 * @param warmup how long the clients run before anything is measured
	 * @param measurement how long records are produced for the figures
	 * @return the produce and consume rates
	 * @throws Exception if the broker fails or times out
	 */
	public static Throughput measure(String bootstrapServers, int recordBytes, Duration warmup, Duration measurement)
			throws Exception {
		String run = "vmodb-capacity-" + Long.toHexString(System.nanoTime());
		List<String> topics = List.of(run + "-warmup", run + "-measured");
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			createTopics(admin, topics);
			try {
				KafkaThroughput throughput = new KafkaThroughput(bootstrapServers);
				throughput.measure(topics.get(0), recordBytes, warmup);
				return throughput.measure(topics.get(1), recordBytes, measurement);
			}
			finally {
				admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
			}
		}
	}

	/**
	 * Creates one-partition topics and waits until the broker leads them.
	 *
	 * <p>Kafka 4.2 answers the creation before the broker leads the partitions. An idempotent producer sending at
	 * once can then have its first request refused (not the leader) and its second accepted, after which the first
	 * can never be written (KAFKA-15591): the producer retries it until its delivery timeout.
	 */
	private static void createTopics(Admin admin, List<String> topics) throws Exception {
		admin.createTopics(topics.stream().map(topic -> new NewTopic(topic, Optional.of(1), Optional.empty())).toList())
			.all()
			.get(30, TimeUnit.SECONDS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		topics.forEach(topic -> latest.put(new TopicPartition(topic, 0), OffsetSpec.latest()));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			try {
				// Only a partition's leader answers; the admin client retries until it does.
				admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
				return;
			}
			catch (ExecutionException ex) {
				// The broker may not know the topics yet at all: the admin client does not retry that.
				if (!(ex.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(20);
			}
		}
	}

	/**
	 * Starts an embedded broker on a temporary directory, measures it and prints the figures.
	 * @param args {@code --quick} for a short run
	 * @throws Exception if the broker fails
	 */
	public static void main(String[] args) throws Exception {
		boolean quick = Settings.from(args) == Settings.QUICK;
		System.out.printf(Locale.ROOT, "vMODB raw Kafka capacity: Java %s, %d cores, max heap %d MB, Kafka %s%s%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20, AppInfoParser.getVersion(), quick ? " (quick run)" : "");
		MachineLoad.print("start");
		long start = System.nanoTime();
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults())) {
			System.out.printf(Locale.ROOT, "Embedded broker started in %d ms at %s%n",
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), broker.bootstrapServers());
			measure(broker.bootstrapServers(), quick).print(System.out);
		}
		System.out.printf(Locale.ROOT, "%nTotal run time %.0f s%n", (System.nanoTime() - start) / 1e9);
		MachineLoad.print("end");
	}

	/**
	 * A count of records and their value bytes, moved in some time.
	 *
	 * @param records the records
	 * @param bytes the bytes of their values (keys and headers are not counted; there are none)
	 * @param seconds the time
	 */
	public record Rate(long records, long bytes, double seconds) {

		public double recordsPerSecond() {
			return this.records / this.seconds;
		}

		/**
		 * The value bytes per second, in MB of 10<sup>6</sup> bytes.
		 * @return the megabytes per second
		 */
		public double megabytesPerSecond() {
			return this.bytes / this.seconds / 1e6;
		}

	}

	/**
	 * Producing records of one size to one partition, then reading them all back.
	 *
	 * @param recordBytes the size of each record's value
	 * @param produce the rate at which one producer got them acknowledged
	 * @param consume the rate at which one consumer read them
	 */
	public record Throughput(int recordBytes, Rate produce, Rate consume) {
	}

	/**
	 * The latency from {@code send} to the consumer's {@code poll} returning the record.
	 *
	 * @param recordsPerSecond the steady rate records were sent at
	 * @param samples the records measured
	 * @param p50Millis the median, in milliseconds
	 * @param p99Millis the 99th percentile, in milliseconds
	 * @param maxMillis the slowest, in milliseconds
	 */
	public record HopLatency(int recordsPerSecond, int samples, double p50Millis, double p99Millis, double maxMillis) {
	}

	/**
	 * The figures of one {@link KafkaCapacity#measure(String, boolean)}.
	 *
	 * @param small 100-byte records
	 * @param packed 64 KiB records
	 * @param hop the produce-to-consume latency of 100-byte records at a moderate rate
	 * @param warmup the time the clients ran before anything was measured
	 * @param measurement the time each size was produced, and the hop latency measured
	 */
	public record Figures(Throughput small, Throughput packed, HopLatency hop, Duration warmup, Duration measurement) {

		/**
		 * One line for printing beside other figures.
		 * @return the summary
		 */
		public String summary() {
			return String.format(Locale.ROOT,
					"raw broker: %s records %,.0f/s produced, %,.0f/s consumed; 64 KiB records %,.0f MB/s produced,"
							+ " %,.0f MB/s consumed; hop p50 %.1f ms, p99 %.1f ms",
					size(this.small.recordBytes()), this.small.produce().recordsPerSecond(),
					this.small.consume().recordsPerSecond(), this.packed.produce().megabytesPerSecond(),
					this.packed.consume().megabytesPerSecond(), this.hop.p50Millis(), this.hop.p99Millis());
		}

		/**
		 * Prints the figures as a plain-text table.
		 * @param out where to print
		 */
		public void print(PrintStream out) {
			out.println();
			out.printf(Locale.ROOT, "Raw Kafka capacity: topics of one partition; idempotent producer (acks=all, linger.ms=%d,"
					+ " batch.size %s or %s); read_committed consumer (max.partition.fetch.bytes %s); %d s of producing"
					+ " per size after %.1f s of warm-up; MB = 10^6 bytes of record values%n",
					KafkaClientConfigs.LINGER_MS, size(KafkaClientConfigs.batchSize(this.small.recordBytes())),
					size(KafkaClientConfigs.batchSize(this.packed.recordBytes())),
					size(KafkaClientConfigs.MAX_PARTITION_FETCH_BYTES), this.measurement.toSeconds(),
					this.warmup.toMillis() / 1e3);
			out.printf(Locale.ROOT, "| %-8s | %10s | %14s | %12s | %14s | %12s |%n", "record", "records", "produce rec/s",
					"produce MB/s", "consume rec/s", "consume MB/s");
			out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%n", "-".repeat(10), "-".repeat(12), "-".repeat(16),
					"-".repeat(14), "-".repeat(16), "-".repeat(14));
			for (Throughput throughput : List.of(this.small, this.packed)) {
				out.printf(Locale.ROOT, "| %-8s | %,10d | %,14.0f | %,12.1f | %,14.0f | %,12.1f |%n",
						size(throughput.recordBytes()), throughput.produce().records(),
						throughput.produce().recordsPerSecond(), throughput.produce().megabytesPerSecond(),
						throughput.consume().recordsPerSecond(), throughput.consume().megabytesPerSecond());
			}
			out.printf(Locale.ROOT, "Produce-to-consume hop, %s records at %,d records/s: p50 %.2f ms, p99 %.2f ms,"
					+ " max %.2f ms (%,d samples)%n", size(this.small.recordBytes()), this.hop.recordsPerSecond(),
					this.hop.p50Millis(), this.hop.p99Millis(), this.hop.maxMillis(), this.hop.samples());
		}

		private static String size(int bytes) {
			if (bytes % 1024 == 0) {
				return (bytes / 1024) + " KiB";
			}
			return (bytes >= 10 * 1024) ? String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0) : bytes + " B";
		}

	}

}
