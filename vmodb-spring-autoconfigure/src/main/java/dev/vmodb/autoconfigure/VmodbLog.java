package dev.vmodb.autoconfigure;

import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;

import dev.vmodb.autoconfigure.VmodbProperties.Kafka;
import dev.vmodb.kafka.KafkaLogSettings;
import dev.vmodb.kafka.LogResilience;
import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;

/**
 * Where the application's unified event log lives: the configured Kafka cluster, or, when none is configured, a
 * single-node broker started in this JVM (stopped with the application).
 */
public final class VmodbLog implements DisposableBean {

	private static final Logger logger = Logger.getLogger(VmodbLog.class.getName());

	private final EmbeddedKafkaBroker embedded;

	private final KafkaLogSettings settings;

	VmodbLog(VmodbProperties properties, Environment environment) {
		Kafka kafka = properties.getKafka();
		String bootstrapServers = kafka.getBootstrapServers();
		if (bootstrapServers == null || bootstrapServers.isBlank()) {
			this.embedded = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults()
				.withLogDirectory(kafka.getEmbedded().getLogDirectory())
				.withPort(kafka.getEmbedded().getPort())
				.withPartitions(kafka.getInputPartitions()));
			bootstrapServers = this.embedded.bootstrapServers();
			logger.info("vMODB started an embedded Kafka broker at " + bootstrapServers + " (log in "
					+ this.embedded.logDirectory() + "); set vmodb.kafka.bootstrap-servers to use a cluster");
		}
		else {
			this.embedded = null;
		}
		Map<String, Object> clientProperties = new TreeMap<>(kafka.getProperties());
		LogResilience resilience = new LogResilience(kafka.getAckTimeout(), kafka.getDeliveryTimeout(),
				kafka.getStartupTimeout(), kafka.getMaxRetryBackoff());
		this.settings = new KafkaLogSettings(bootstrapServers, topicPrefix(properties, environment),
				kafka.getInputPartitions(), kafka.getReplicationFactor(), kafka.getMaxRecordSize(), clientProperties,
				resilience);
	}

	private static String topicPrefix(VmodbProperties properties, Environment environment) {
		String name = properties.getApplicationName();
		if (name == null || name.isBlank()) {
			name = environment.getProperty("spring.application.name", "vmodb");
		}
		String prefix = "vmodb." + name;
		if (!KafkaLogSettings.isValidTopicPrefix(prefix)) {
			throw new IllegalStateException("vMODB application name '" + name + "' cannot name Kafka topics; set "
					+ "vmodb.application-name to letters, digits, '.', '_' and '-'");
		}
		return prefix;
	}

	public KafkaLogSettings settings() {
		return this.settings;
	}

	/**
	 * The broker this application started, if it started one.
	 * @return the embedded broker, or {@code null} when using a configured cluster
	 */
	public EmbeddedKafkaBroker embeddedBroker() {
		return this.embedded;
	}

	@Override
	public void destroy() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
