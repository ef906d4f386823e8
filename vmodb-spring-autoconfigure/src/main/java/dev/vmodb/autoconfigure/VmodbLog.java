package dev.vmodb.autoconfigure;

import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;

import dev.vmodb.autoconfigure.VmodbProperties.Kafka;
import dev.vmodb.kafka.KafkaLogSettings;
import dev.vmodb.kafka.LogResilience;

/**
 * Where the application's unified event log lives ({@link LogLocator} decides: the configured cluster, the
 * application's Kafka connection details, or a single-node broker started in this JVM and stopped with the
 * application) and how the log uses it.
 */
public final class VmodbLog implements DisposableBean {

	private static final Logger logger = Logger.getLogger(VmodbLog.class.getName());

	private final LogConnection connection;

	private final EmbeddedLogBroker embedded;

	private final KafkaLogSettings settings;

	VmodbLog(VmodbProperties properties, Environment environment, LogLocator locator) {
		LogLocator.Located located = locator.locate();
		this.connection = located.connection();
		this.embedded = located.broker();
		try {
			this.settings = settings(properties, environment, this.connection);
		}
		catch (RuntimeException ex) {
			destroy();
			throw ex;
		}
		if (this.embedded != null) {
			logStarted(this.embedded);
		}
	}

	private static KafkaLogSettings settings(VmodbProperties properties, Environment environment,
			LogConnection connection) {
		Kafka kafka = properties.getKafka();
		// the connection's own settings (security protocol, SSL bundle) win, as Boot lets connection details win
		Map<String, Object> clientProperties = new TreeMap<>(kafka.getProperties());
		clientProperties.putAll(connection.clientProperties());
		LogResilience resilience = new LogResilience(kafka.getAckTimeout(), kafka.getDeliveryTimeout(),
				kafka.getStartupTimeout(), kafka.getMaxRetryBackoff());
		return new KafkaLogSettings(connection.bootstrapServersList(), topicPrefix(properties, environment),
				kafka.getInputPartitions(), kafka.getReplicationFactor(), (int) kafka.getMaxRecordSize().toBytes(),
				clientProperties, resilience);
	}

	private static void logStarted(EmbeddedLogBroker broker) {
		if (broker.temporary()) {
			// the default of a development set-up: say plainly that it must not be mistaken for a durable one
			logger.warning("vMODB started an embedded Kafka broker at " + broker.bootstrapServers()
					+ " on the temporary directory " + broker.logDirectory() + ", deleted when the application stops: "
					+ "nothing the log holds (committed transactions, checkpoints' positions) is durable across "
					+ "restarts. It is for development and tests; set vmodb.kafka.embedded.log-directory to keep the "
					+ "log, or vmodb.kafka.bootstrap-servers to use a Kafka cluster");
		}
		else {
			logger.info("vMODB started an embedded Kafka broker at " + broker.bootstrapServers() + " (log in "
					+ broker.logDirectory() + "); set vmodb.kafka.bootstrap-servers to use a Kafka cluster");
		}
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
	 * Where the log is and where that came from.
	 * @return the connection, never {@code null}
	 */
	public LogConnection connection() {
		return this.connection;
	}

	/**
	 * The broker this application started, if it started one.
	 * @return the embedded broker, or {@code null} when using a cluster
	 */
	public EmbeddedLogBroker embeddedBroker() {
		return this.embedded;
	}

	@Override
	public void destroy() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
