package dev.vmodb.kafka.embedded;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One embedded broker on a temporary directory, used by real clients: admin, idempotent and transactional
 * producers, consumer groups.
 */
class EmbeddedKafkaBrokerIntegrationTests {

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults().withPartitions(2));
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void bootstrapServersIsTheLoopbackHostAndTheBoundPort() {
		assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d{1,5}");
		int port = Integer.parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().indexOf(':') + 1));
		assertThat(port).isBetween(1, 65535);
	}

	@Test
	void idempotentProducerWritesWhatAConsumerGroupReadsBack() throws Exception {
		Clients.createTopic(broker.bootstrapServers(), "orders", Optional.of(3));
		List<String> sent = IntStream.range(0, 500).mapToObj(i -> "order-" + i).toList();

		Clients.send(broker.bootstrapServers(), "orders", sent);
		List<ConsumerRecord<String, String>> received = Clients.consume(broker.bootstrapServers(), "orders",
				"order-readers", sent.size(), "read_uncommitted");

		assertThat(Clients.values(received)).containsExactlyInAnyOrderElementsOf(sent);
		assertThat(received).allSatisfy(r -> assertThat(r.key()).isEqualTo(Clients.keyOf(r.value())));
		// Records of one key go to one partition, in the order they were sent.
		Map<Integer, List<String>> byPartition = received.stream()
			.sorted(Comparator.comparingLong(ConsumerRecord::offset))
			.collect(Collectors.groupingBy(ConsumerRecord::partition,
					Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
		byPartition.values()
			.forEach(values -> assertThat(values).isSortedAccordingTo(Comparator.comparingInt(sent::indexOf)));
		assertThat(received.stream().map(ConsumerRecord::partition).distinct()).hasSizeGreaterThan(1);
	}

	@Test
	void transactionsCommitAndAbortOnTheSingleNode() throws Exception {
		Clients.createTopic(broker.bootstrapServers(), "payments", Optional.of(1));
		try (KafkaProducer<String, String> producer = Clients.transactionalProducer(broker.bootstrapServers(),
				"payments-tx")) {
			long start = System.nanoTime();
			producer.initTransactions();
			// With three-replica transaction state (Kafka's default) this would wait 60 s and fail.
			assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(20));
			producer.beginTransaction();
			producer.send(new ProducerRecord<>("payments", "a", "committed-1"));
			producer.send(new ProducerRecord<>("payments", "a", "committed-2"));
			producer.commitTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>("payments", "a", "aborted"));
			producer.flush();
			producer.abortTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>("payments", "a", "committed-3"));
			producer.commitTransaction();
		}

		List<ConsumerRecord<String, String>> committed = Clients.consume(broker.bootstrapServers(), "payments",
				"payment-readers", 3, "read_committed");

		assertThat(Clients.values(committed)).containsExactly("committed-1", "committed-2", "committed-3");
	}

	@Test
	void topicWithoutAPartitionCountGetsTheConfiguredDefault() throws Exception {
		Clients.createTopic(broker.bootstrapServers(), "defaults", Optional.empty());

		try (Admin admin = Clients.admin(broker.bootstrapServers())) {
			TopicDescription topic = admin.describeTopics(List.of("defaults")).allTopicNames().get().get("defaults");
			assertThat(topic.partitions()).hasSize(2);
			assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
		}
	}

	@Test
	void topicsAreNotCreatedByUse() throws Exception {
		try (Admin admin = Clients.admin(broker.bootstrapServers())) {
			List<ConsumerRecord<String, String>> none = Clients.consume(broker.bootstrapServers(), "no-such-topic",
					"curious", 0, "read_uncommitted");

			assertThat(none).isEmpty();
			assertThat(admin.listTopics().names().get()).doesNotContain("no-such-topic");
		}
	}

	@Test
	void brokerLoggersAreTurnedDownUnlessTheApplicationSetThem() {
		// logback-test.xml logs at info, and sets org.apache.kafka.snapshot to info itself.
		assertThat(LoggerFactory.getLogger("kafka.server.BrokerServer").isInfoEnabled()).isFalse();
		assertThat(LoggerFactory.getLogger("org.apache.kafka.controller.QuorumController").isInfoEnabled()).isFalse();
		assertThat(LoggerFactory.getLogger("kafka.server.BrokerServer").isWarnEnabled()).isTrue();
		assertThat(LoggerFactory.getLogger("org.apache.kafka.snapshot.Snapshots").isInfoEnabled()).isTrue();
		assertThat(LoggerFactory.getLogger("dev.vmodb.kafka").isInfoEnabled()).isTrue();
	}

}
