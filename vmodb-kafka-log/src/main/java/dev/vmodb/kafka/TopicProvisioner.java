package dev.vmodb.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import io.github.resilience4j.retry.RetryRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the log's topics that do not exist yet, with the configured partitions and replication, and checks that
 * existing ones have the partitions the protocol relies on. Every call is retried while the cluster answers with a
 * retriable error and must be answered within {@link LogResilience#startupTimeout()} ({@link StartupCalls}).
 */
final class TopicProvisioner {

	private final Admin admin;

	private final KafkaLogSettings settings;

	private final RetryRegistry retries;

	TopicProvisioner(Admin admin, KafkaLogSettings settings) {
		this(admin, settings, RetryRegistry.ofDefaults());
	}

	/**
	 * Creates a provisioner whose start-up calls retry through a registry's retry.
	 * @param admin the admin client
	 * @param settings the log
	 * @param retries where the start-up retry is registered
	 */
	TopicProvisioner(Admin admin, KafkaLogSettings settings, RetryRegistry retries) {
		this.retries = retries;
		this.admin = admin;
		this.settings = settings;
	}

	/**
	 * Makes sure the shared topics and the event topics of some VMSs exist.
	 * @param layout the topic names
	 * @param vmss the VMSs whose event topics to create
	 */
	void provision(TopicLayout layout, Collection<String> vmss) {
		Map<String, Integer> partitions = new HashMap<>();
		partitions.put(layout.input(), this.settings.inputPartitions());
		partitions.put(layout.control(), 1);
		partitions.put(layout.done(), 1);
		partitions.put(layout.registry(), 1);
		vmss.forEach(vms -> partitions.put(layout.events(vms), 1));
		StartupCalls calls = new StartupCalls(this.settings, this.retries);
		try {
			Set<String> existing = calls.get("listing the log's topics", () -> this.admin.listTopics().names());
			List<NewTopic> missing = new ArrayList<>();
			partitions.forEach((topic, count) -> {
				if (!existing.contains(topic)) {
					missing.add(new NewTopic(topic, count, this.settings.replicationFactor()).configs(configFor(layout, topic)));
				}
			});
			createAll(calls, missing);
			check(calls, partitions);
			awaitLeaders(calls, partitions);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating the log's topics", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot create the log's topics on " + this.settings.bootstrapServers()
					+ ": " + ex.getMessage(), ex);
		}
	}

	private Map<String, String> configFor(TopicLayout layout, String topic) {
		Map<String, String> configs = new HashMap<>();
		configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(this.settings.maxRecordBytes()));
		if (topic.equals(layout.registry())) {
			configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
		}
		else {
			// recovery replays these logs after the checkpoints (and a new coordinator reads the whole control log);
			// truncating below what checkpoints still need is not built, so nothing may expire
			configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
			configs.put(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
		}
		return configs;
	}

	private void createAll(StartupCalls calls, List<NewTopic> topics) throws InterruptedException, ExecutionException {
		if (topics.isEmpty()) {
			return;
		}
		try {
			calls.get("creating the log's topics", () -> this.admin.createTopics(topics).all());
		}
		catch (ExecutionException ex) {
			// another application of the same deployment may have created them first
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	/**
	 * Waits until every partition has a leader that answers. A topic is reported created before its broker leads
	 * it; an idempotent producer writing then can lose its first records for good (KAFKA-15591, open in Kafka
	 * 4.2.1). Listing offsets succeeds only once the leader serves the partition.
	 */
	private void awaitLeaders(StartupCalls calls, Map<String, Integer> topics) throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
		topics.forEach((topic, count) -> {
			for (int p = 0; p < count; p++) {
				partitions.put(new TopicPartition(topic, p), OffsetSpec.latest());
			}
		});
		// the admin client retries a missing leader itself, but not a topic its broker does not know yet
		calls.get("waiting for the leaders of the log's partitions", () -> this.admin.listOffsets(partitions).all());
	}

	private void check(StartupCalls calls, Map<String, Integer> expected) throws InterruptedException, ExecutionException {
		// right after creating topics, the broker answering may not know them yet (UnknownTopicOrPartitionException)
		Map<String, TopicDescription> described = calls.get("describing the log's topics",
				() -> this.admin.describeTopics(expected.keySet()).allTopicNames());
		expected.forEach((topic, partitions) -> {
			int actual = described.get(topic).partitions().size();
			if (actual != partitions) {
				throw new IllegalStateException("Topic " + topic + " has " + actual + " partition(s) but the log needs "
						+ partitions + "; delete it or configure vmodb.kafka.input-partitions=" + actual);
			}
		});
	}

}
