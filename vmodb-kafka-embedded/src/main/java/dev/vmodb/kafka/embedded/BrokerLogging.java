package dev.vmodb.kafka.embedded;

import java.lang.reflect.Method;
import java.util.List;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Turns the broker's loggers down to warnings, when Logback is the SLF4J backend and the application did not set
 * their level.
 *
 * <p>At info level a starting broker logs over a thousand lines (its whole configuration, three times), and more for
 * every topic and group, which drowns the application's own output. Logback is reached by reflection so that this
 * module does not bring a logging backend; with another backend, or none (SLF4J then discards everything), nothing
 * is changed.
 *
 * <p>Three of these loggers are shared with the clients: the configuration dump, the version banner and the metrics
 * life cycle. Turning them down also quiets the application's own producers and consumers there, a side effect
 * accepted for a broker that runs in development, tests and demonstrations. The clients' own loggers
 * ({@code org.apache.kafka.clients}: connections, group membership) are left alone.
 */
final class BrokerLogging {

	/** Kafka's Scala core, the KRaft modules, the coordinators, and the loggers the broker shares with the clients. */
	static final List<String> BROKER_LOGGERS = List.of("kafka", "state.change.logger", "org.apache.kafka.controller",
			"org.apache.kafka.coordinator", "org.apache.kafka.image", "org.apache.kafka.metadata",
			"org.apache.kafka.network", "org.apache.kafka.queue", "org.apache.kafka.raft", "org.apache.kafka.security",
			"org.apache.kafka.server", "org.apache.kafka.snapshot", "org.apache.kafka.storage",
			"org.apache.kafka.common.config.AbstractConfig", "org.apache.kafka.common.utils.AppInfoParser",
			"org.apache.kafka.common.metrics.Metrics");

	private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

	private BrokerLogging() {
	}

	/**
	 * Sets the broker's loggers that have no level of their own to {@code WARN}, if the backend is Logback.
	 */
	static void quietUnlessConfigured() {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (!factory.getClass().getName().equals(LOGBACK_CONTEXT)) {
			return;
		}
		try {
			Class<?> levelType = Class.forName("ch.qos.logback.classic.Level", false,
					factory.getClass().getClassLoader());
			Object warn = levelType.getField("WARN").get(null);
			for (String name : BROKER_LOGGERS) {
				Object logger = factory.getLogger(name);
				Method getLevel = logger.getClass().getMethod("getLevel");
				if (getLevel.invoke(logger) == null) {
					logger.getClass().getMethod("setLevel", levelType).invoke(logger, warn);
				}
			}
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			// Another Logback than expected: its output is only louder.
		}
	}

}
