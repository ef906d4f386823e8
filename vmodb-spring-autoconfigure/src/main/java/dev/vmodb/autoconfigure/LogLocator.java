package dev.vmodb.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

import dev.vmodb.autoconfigure.VmodbProperties.Kafka;

/**
 * Decides where the application's log is, in this order: {@code vmodb.kafka.bootstrap-servers}; else a
 * {@code KafkaConnectionDetails} bean that is not Boot's unset default ({@link BootKafkaConnection}); else a
 * broker started in the JVM, when vmodb-kafka-embedded is on the class path; else start-up fails with
 * {@link LogNotConfiguredException}.
 */
final class LogLocator {

	private final Kafka kafka;

	private final ObjectProvider<SslBundles> sslBundles;

	private final ObjectProvider<BootKafkaConnection> bootConnection;

	private final ObjectProvider<EmbeddedLogBrokerLauncher> embeddedBrokers;

	LogLocator(Kafka kafka, ObjectProvider<SslBundles> sslBundles, ObjectProvider<BootKafkaConnection> bootConnection,
			ObjectProvider<EmbeddedLogBrokerLauncher> embeddedBrokers) {
		this.kafka = kafka;
		this.sslBundles = sslBundles;
		this.bootConnection = bootConnection;
		this.embeddedBrokers = embeddedBrokers;
	}

	/**
	 * Finds the log, starting a broker if that is where it is.
	 * @return the connection, and the broker started for it if any (the caller stops it)
	 * @throws LogNotConfiguredException if nothing names a cluster and no broker can be started
	 */
	Located locate() {
		List<String> servers = this.kafka.getBootstrapServers().stream().filter(StringUtils::hasText).toList();
		if (!servers.isEmpty()) {
			return new Located(new LogConnection(servers, LogConnection.Source.PROPERTY,
					"vmodb.kafka.bootstrap-servers", sslBundleProperties()), null);
		}
		BootKafkaConnection boot = this.bootConnection.getIfAvailable();
		Optional<LogConnection> fromDetails = (boot != null) ? boot.fromConnectionDetails() : Optional.empty();
		if (fromDetails.isPresent()) {
			return new Located(fromDetails.get(), null);
		}
		EmbeddedLogBrokerLauncher launcher = this.embeddedBrokers.getIfAvailable();
		if (launcher == null) {
			throw new LogNotConfiguredException("vMODB does not know where its log is: vmodb.kafka.bootstrap-servers "
					+ "is not set, the application has no KafkaConnectionDetails bean that names a cluster (Boot's "
					+ "spring.kafka.* counts only with spring.kafka.bootstrap-servers set), and dev.vmodb:"
					+ "vmodb-kafka-embedded, which starts a broker in the JVM for development and tests, is not on the "
					+ "class path.");
		}
		VmodbProperties.Embedded embedded = this.kafka.getEmbedded();
		EmbeddedLogBroker broker = launcher.start(embedded.getLogDirectory(), embedded.getPort(),
				this.kafka.getInputPartitions());
		String origin = "embedded broker (" + (broker.temporary() ? "temporary log directory " : "log directory ")
				+ broker.logDirectory() + ")";
		return new Located(new LogConnection(List.of(broker.bootstrapServers()), LogConnection.Source.EMBEDDED,
				origin, Map.of()), broker);
	}

	private Map<String, Object> sslBundleProperties() {
		String bundle = this.kafka.getSsl().getBundle();
		if (!StringUtils.hasText(bundle)) {
			return Map.of();
		}
		BootKafkaConnection boot = this.bootConnection.getIfAvailable();
		if (boot == null) {
			throw new IllegalStateException("vmodb.kafka.ssl.bundle=" + bundle + " needs "
					+ "org.springframework.boot:spring-boot-kafka on the class path (its SslBundleSslEngineFactory "
					+ "hands the bundle to the Kafka clients); add it, or configure SSL with vmodb.kafka.properties.ssl.*");
		}
		SslBundles bundles = this.sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new IllegalStateException("vmodb.kafka.ssl.bundle=" + bundle + " names an SSL bundle, but the "
					+ "application has no SslBundles; declare the bundle under spring.ssl.bundle.*");
		}
		return BootKafkaConnection.sslProperties(bundles.getBundle(bundle));
	}

	/**
	 * Where the log is.
	 * @param connection how the clients connect
	 * @param broker the broker started for the log, or {@code null} for a cluster
	 */
	record Located(LogConnection connection, EmbeddedLogBroker broker) {
	}

}
