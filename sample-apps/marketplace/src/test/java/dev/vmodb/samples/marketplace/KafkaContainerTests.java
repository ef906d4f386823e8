package dev.vmodb.samples.marketplace;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import dev.vmodb.autoconfigure.LogConnection;
import dev.vmodb.autoconfigure.VmodbLog;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.CheckoutCompleted;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop on a Kafka cluster in a container, wired the way a Boot application wires one: a {@code @ServiceConnection}
 * gives vMODB the container's {@code KafkaConnectionDetails}, with no vmodb.kafka.bootstrap-servers and no embedded
 * broker. Skipped where no Docker engine runs; the connection details path itself is also tested without Docker
 * (VmodbLogConfigurationTests in vmodb-spring-autoconfigure).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = MarketplaceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "vmodb.application-name=marketplace-container")
class KafkaContainerTests {

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.0.0");

	@Autowired
	VmodbLog log;

	@Autowired
	VmsClient client;

	@Test
	void aCheckoutCommitsOnTheContainersCluster() {
		assertThat(this.log.connection().source()).isEqualTo(LogConnection.Source.CONNECTION_DETAILS);
		assertThat(this.log.embeddedBroker()).isNull();
		assertThat(this.log.settings().bootstrapServers()).isEqualTo(kafka.getBootstrapServers());
		Shop shop = new Shop(this.client);
		shop.load(1, 1, 2, 10);
		Shop.committed(shop.add(1, 1, 1, 2));
		TransactionResult result = Shop.committed(shop.checkout(1, Shop.GOOD_CARD));
		assertThat(result.output("checkout_completed", CheckoutCompleted.class).orderId()).isEqualTo(1);
	}

}
