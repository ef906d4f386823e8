package dev.vmodb.autoconfigure.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;

import dev.vmodb.kafka.KafkaNode;

/**
 * One {@code vmodb.log.lag} gauge per partition the application's reader reads, tagged with its topic and
 * partition, and {@code vmodb.log.partitions}, how many there are. The node knows its partitions before it connects;
 * a partition's lag is known after the reader's first poll of it (NaN until then).
 */
final class LogLagGauges {

	private final KafkaNode node;

	private final MeterRegistry registry;

	LogLagGauges(KafkaNode node, MeterRegistry registry) {
		this.node = node;
		this.registry = registry;
	}

	void bind() {
		int partitions = this.node.partitionsRead().size();
		Gauge.builder("vmodb.log.partitions", () -> partitions)
			.description("Partitions of the log this application reads")
			.baseUnit("partitions")
			.register(this.registry);
		this.node.partitionsRead().forEach(this::register);
	}

	private void register(TopicPartition partition) {
		// the node names partitions in the lag map as Kafka prints them: topic-partition
		String key = partition.toString();
		Gauge.builder("vmodb.log.lag", this.node, node -> lagOf(node, key))
			.description("Records in a partition of the log beyond what this application has read, as of its last poll")
			.tag("topic", partition.topic())
			.tag("partition", Integer.toString(partition.partition()))
			.baseUnit("records")
			.strongReference(true)
			.register(this.registry);
	}

	private static double lagOf(KafkaNode node, String topicPartition) {
		Long behind = node.logLag().get(topicPartition);
		return (behind != null) ? behind : Double.NaN;
	}

}
