package dev.vmodb.autoconfigure.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.vmodb.kafka.KafkaNode;

/**
 * One {@code vmodb.log.lag} gauge per partition the application's reader reads, tagged with its topic and
 * partition.
 *
 * <p>The node knows its partitions only once its roles have connected and its reader has polled them, which is
 * after the meters were bound. Micrometer has no hook for "the registry is being read", so the
 * {@code vmodb.log.partitions} gauge is that hook: reading it (every scrape does) registers a lag gauge for each
 * partition that appeared since. A new partition's lag therefore shows from the read after the one that found it,
 * at most one scrape late.
 */
final class LogLagGauges {

	private final KafkaNode node;

	private final MeterRegistry registry;

	private final Set<String> registered = ConcurrentHashMap.newKeySet();

	LogLagGauges(KafkaNode node, MeterRegistry registry) {
		this.node = node;
		this.registry = registry;
	}

	/** Registers the partitions gauge and the lag gauges of the partitions known now. */
	void bind() {
		Gauge.builder("vmodb.log.partitions", this, LogLagGauges::refresh)
			.description("Partitions of the log this application reads and reports a lag for")
			.baseUnit("partitions")
			.strongReference(true)
			.register(this.registry);
		refresh();
	}

	/**
	 * Registers a lag gauge for every partition not registered yet.
	 * @return how many partitions the reader reports a lag for
	 */
	double refresh() {
		Map<String, Long> lag = this.node.logLag();
		for (String partition : lag.keySet()) {
			if (this.registered.add(partition)) {
				register(partition);
			}
		}
		return lag.size();
	}

	/** The node names a partition {@code topic-partition} (Kafka's own form); the number follows the last '-'. */
	private void register(String topicPartition) {
		int dash = topicPartition.lastIndexOf('-');
		Gauge.builder("vmodb.log.lag", this.node, node -> lagOf(node, topicPartition))
			.description("Records in a partition of the log beyond what this application has read, as of its last poll")
			.tag("topic", topicPartition.substring(0, dash))
			.tag("partition", topicPartition.substring(dash + 1))
			.baseUnit("records")
			.strongReference(true)
			.register(this.registry);
	}

	private static double lagOf(KafkaNode node, String topicPartition) {
		Long behind = node.logLag().get(topicPartition);
		return (behind != null) ? behind : Double.NaN;
	}

}
