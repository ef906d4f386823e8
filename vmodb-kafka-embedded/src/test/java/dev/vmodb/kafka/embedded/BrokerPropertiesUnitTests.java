package dev.vmodb.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;

import kafka.server.KafkaConfig;
import org.apache.kafka.server.config.AbstractKafkaConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker configuration is written with plain property names, which Kafka does not check: these tests do.
 */
class BrokerPropertiesUnitTests {

	@Test
	void everyPropertyIsOneKafkaKnows() throws Exception {
		try (PreboundListeners listeners = PreboundListeners.bind(0)) {
			Map<String, Object> properties = BrokerProperties.of(Path.of("/tmp/kafka"), listeners, 3);

			assertThat(AbstractKafkaConfig.CONFIG_DEF.names()).containsAll(properties.keySet());
		}
	}

	@Test
	void kafkaAcceptsTheConfigurationAsAOneNodeCluster() throws Exception {
		try (PreboundListeners listeners = PreboundListeners.bind(0)) {
			KafkaConfig config = new KafkaConfig(BrokerProperties.of(Path.of("/tmp/kafka"), listeners, 3), false);

			assertThat(config.nodeId()).isEqualTo(BrokerProperties.NODE_ID);
			assertThat(config.numPartitions()).isEqualTo(3);
			assertThat(config.autoCreateTopicsEnable()).isFalse();
			assertThat(config.quorumConfig().voters()).containsExactly("1@127.0.0.1:" + listeners.controllerPort());
			assertThat(listeners.brokerPort()).isNotEqualTo(listeners.controllerPort());
		}
	}

}
