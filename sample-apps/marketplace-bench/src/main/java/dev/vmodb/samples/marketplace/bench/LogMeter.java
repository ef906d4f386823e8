package dev.vmodb.samples.marketplace.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * What a shop has written to its broker: the bytes its topics' partitions hold on disk and the records they hold
 * (end offsets), over every topic but Kafka's internal ones. Differences of two readings give what a run logged.
 */
final class LogMeter implements AutoCloseable {

	private final Admin admin;

	LogMeter(String bootstrapServers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.CLIENT_ID_CONFIG, "marketplace-bench-log-meter"));
	}

	/**
	 * Reads the log's volume now.
	 * @return the bytes and records of the shop's topics
	 * @throws Exception if the broker does not answer within 10 s
	 */
	LogVolume read() throws Exception {
		List<Integer> brokers = this.admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream()
			.map(Node::id)
			.toList();
		long bytes = 0;
		Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
		for (Map<String, LogDirDescription> directories : this.admin.describeLogDirs(brokers)
			.allDescriptions()
			.get(10, TimeUnit.SECONDS)
			.values()) {
			for (LogDirDescription directory : directories.values()) {
				for (Map.Entry<TopicPartition, ReplicaInfo> replica : directory.replicaInfos().entrySet()) {
					if (!replica.getKey().topic().startsWith("__")) {
						bytes += replica.getValue().size();
						ends.put(replica.getKey(), OffsetSpec.latest());
					}
				}
			}
		}
		long records = 0;
		for (ListOffsetsResultInfo end : this.admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).values()) {
			records += end.offset();
		}
		return new LogVolume(bytes, records);
	}

	@Override
	public void close() {
		this.admin.close();
	}

	/**
	 * Bytes and records in a shop's topics, or logged between two readings.
	 *
	 * @param bytes the bytes on disk: record batches with their headers, as the broker stores them
	 * @param records the records (offsets)
	 */
	record LogVolume(long bytes, long records) {

		static final LogVolume NONE = new LogVolume(0, 0);

		LogVolume minus(LogVolume earlier) {
			return new LogVolume(this.bytes - earlier.bytes, this.records - earlier.records);
		}

		/** The mean bytes per record, 0 when nothing was logged. */
		double bytesPerRecord() {
			return (this.records == 0) ? 0 : (double) this.bytes / this.records;
		}

	}

}
