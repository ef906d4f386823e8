package dev.vmodb.kafka.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients against a broker, as an application would configure them.
 */
final class Clients {

	private Clients() {
	}

	/**
	 * Creates a topic and waits until the broker leads all its partitions.
	 *
	 * <p>Kafka 4.2 answers the creation before the broker leads the partitions. An idempotent producer sending at
	 * once can then have its first request refused (not the leader) and its second accepted, after which the first
	 * can never be written (KAFKA-15591): the producer retries it until its delivery timeout.
	 */
	static void createTopic(String bootstrapServers, String topic, Optional<Integer> partitions) throws Exception {
		try (Admin admin = admin(bootstrapServers)) {
			CreateTopicsResult created = admin.createTopics(List.of(new NewTopic(topic, partitions, Optional.empty())));
			created.all().get(30, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (int partition = 0; partition < created.numPartitions(topic).get(); partition++) {
				latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
			}
			awaitLeaders(admin, latest);
		}
	}

	/** Lists the partitions' offsets, which only their leader answers; the admin client retries until it does. */
	private static void awaitLeaders(Admin admin, Map<TopicPartition, OffsetSpec> partitions) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			try {
				admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
				return;
			}
			catch (ExecutionException ex) {
				// The broker may not know the topic yet at all: the admin client does not retry that.
				if (!(ex.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(20);
			}
		}
	}

	static Admin admin(String bootstrapServers) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	static KafkaProducer<String, String> idempotentProducer(String bootstrapServers) {
		return new KafkaProducer<>(producerConfig(bootstrapServers), new StringSerializer(), new StringSerializer());
	}

	static KafkaProducer<String, String> transactionalProducer(String bootstrapServers, String transactionalId) {
		Map<String, Object> config = producerConfig(bootstrapServers);
		config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private static Map<String, Object> producerConfig(String bootstrapServers) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		return config;
	}

	/**
	 * Sends the records as key-value pairs and waits until each is acknowledged.
	 */
	static void send(String bootstrapServers, String topic, List<String> values) throws Exception {
		try (KafkaProducer<String, String> producer = idempotentProducer(bootstrapServers)) {
			List<Future<?>> acks = new ArrayList<>();
			for (String value : values) {
				acks.add(producer.send(new ProducerRecord<>(topic, keyOf(value), value)));
			}
			for (Future<?> ack : acks) {
				ack.get(30, TimeUnit.SECONDS);
			}
		}
	}

	static String keyOf(String value) {
		return "key-" + (value.hashCode() % 7);
	}

	/**
	 * Reads records in a consumer group from its committed position (or the beginning), committing as it goes, until
	 * {@code expected} records arrived, then polls once more to catch any record too many.
	 */
	static List<ConsumerRecord<String, String>> consume(String bootstrapServers, String topic, String group,
			int expected, String isolationLevel) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(Set.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (records.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			consumer.poll(Duration.ofMillis(300)).forEach(records::add);
			consumer.commitSync();
		}
		return records;
	}

	static List<String> values(List<ConsumerRecord<String, String>> records) {
		return records.stream().map(ConsumerRecord::value).toList();
	}

}
