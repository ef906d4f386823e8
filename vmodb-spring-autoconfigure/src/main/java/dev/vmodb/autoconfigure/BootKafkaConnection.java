package dev.vmodb.autoconfigure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Spring Boot's Kafka connection model applied to the log's clients: the application's {@link KafkaConnectionDetails}
 * (a {@code @ServiceConnection}, or {@code spring.kafka.*}) and SSL bundles as Kafka client properties, the way
 * Boot's own Kafka auto-configuration sets them. Created only when spring-boot-kafka is on the class path.
 *
 * <p>Boot registers a {@code KafkaConnectionDetails} built from {@code spring.kafka.*} whenever its Kafka
 * auto-configuration runs, pointing at localhost:9092 when nothing is set. That default is not a decision to use a
 * cluster, so it is honoured only when {@code spring.kafka.bootstrap-servers} is set; every other connection details
 * bean is honoured as it is.
 */
final class BootKafkaConnection {

	/** Boot's fallback built from spring.kafka.* (package-private in Boot, so known by name). */
	private static final String PROPERTIES_DETAILS = "org.springframework.boot.kafka.autoconfigure.PropertiesKafkaConnectionDetails";

	private final ListableBeanFactory beanFactory;

	private final Environment environment;

	BootKafkaConnection(ListableBeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	/**
	 * The log's connection from the application's connection details, if it has some vMODB honours.
	 * @return the connection, or empty without a connection details bean or with only Boot's default one
	 * @throws IllegalStateException if several connection details beans exist and none is primary
	 */
	Optional<LogConnection> fromConnectionDetails() {
		String[] names = this.beanFactory.getBeanNamesForType(KafkaConnectionDetails.class);
		if (names.length == 0) {
			return Optional.empty();
		}
		KafkaConnectionDetails details = this.beanFactory.getBeanProvider(KafkaConnectionDetails.class).getIfUnique();
		if (details == null) {
			throw new IllegalStateException("vMODB found " + names.length + " KafkaConnectionDetails beans "
					+ Arrays.toString(names) + " and none is @Primary; mark the one for the log @Primary, or set "
					+ "vmodb.kafka.bootstrap-servers");
		}
		if (isBootDefault(details)) {
			return Optional.empty();
		}
		Map<String, Object> properties = new HashMap<>();
		String securityProtocol = details.getSecurityProtocol();
		if (StringUtils.hasLength(securityProtocol)) {
			properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
		}
		SslBundle bundle = details.getSslBundle();
		if (bundle != null) {
			properties.putAll(sslProperties(bundle));
		}
		return Optional.of(new LogConnection(details.getBootstrapServers(), LogConnection.Source.CONNECTION_DETAILS,
				describe(names, details), properties));
	}

	/**
	 * The client properties that make Kafka's clients take their SSL material from a bundle, as Boot's Kafka
	 * auto-configuration sets them.
	 * @param bundle the bundle
	 * @return the engine factory and the bundle, under the keys {@link SslBundleSslEngineFactory} reads
	 */
	static Map<String, Object> sslProperties(SslBundle bundle) {
		return Map.of(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class,
				SslBundle.class.getName(), bundle);
	}

	private boolean isBootDefault(KafkaConnectionDetails details) {
		return details.getClass().getName().equals(PROPERTIES_DETAILS)
				&& !Binder.get(this.environment)
					.bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
					.isBound();
	}

	private String describe(String[] names, KafkaConnectionDetails details) {
		String name = (names.length == 1) ? names[0] : Arrays.stream(names)
			.filter(candidate -> this.beanFactory.getBean(candidate) == details)
			.findFirst()
			.orElse("?");
		if (details.getClass().getName().equals(PROPERTIES_DETAILS)) {
			return "spring.kafka.bootstrap-servers (Boot's KafkaConnectionDetails bean '" + name + "')";
		}
		return "KafkaConnectionDetails bean '" + name + "' (" + details.getClass().getName() + ")";
	}

}
