package dev.vmodb.samples.marketplace.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real embedded broker: what the meter reads is what was written. */
class LogMeterTests {

	@Test
	void readsTheRecordsAndBytesWrittenToTheShopsTopics() throws Exception {
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults());
				LogMeter meter = new LogMeter(broker.bootstrapServers());
				Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic("events", Optional.of(2), Optional.empty())))
				.all()
				.get(30, TimeUnit.SECONDS);
			LogMeter.LogVolume before = meter.read();

			try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArraySerializer(),
					new ByteArraySerializer())) {
				for (int i = 0; i < 100; i++) {
					producer.send(new ProducerRecord<>("events", i % 2, null, new byte[1_000])).get(30, TimeUnit.SECONDS);
				}
			}
			LogMeter.LogVolume logged = meter.read().minus(before);

			assertThat(logged.records()).isEqualTo(100);
			// every record's value plus its batch's header, one batch per record as each send waited
			assertThat(logged.bytes()).isBetween(100_000L, 120_000L);
			assertThat(logged.bytesPerRecord()).isBetween(1_000.0, 1_200.0);
		}
	}

}
