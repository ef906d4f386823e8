package dev.vmodb.samples.baseline.messaging;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedBrokerConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(MessagingConfiguration.EmbeddedBroker.class);

	@Test
	void brokerListensOnTheConfiguredPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.runner.withPropertyValues("marketplace.kafka.port=" + port)
			.run((context) -> assertThat(context.getBean(EmbeddedKafkaBroker.class).bootstrapServers())
				.endsWith(":" + port));
	}

	@Test
	void backsOffWhenBootstrapServersAreConfigured() {
		this.runner.withPropertyValues("spring.kafka.bootstrap-servers=localhost:9092")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedKafkaBroker.class));
	}

}
