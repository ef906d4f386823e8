package dev.vmodb.autoconfigure.diagnostics;

import java.util.Arrays;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import dev.vmodb.kafka.ClusterUnreachableException;

/**
 * Reports a Kafka cluster that did not answer at start-up: which servers, where the application got them from, and
 * what to check. The source follows the order in which vMODB looks for the log: {@code vmodb.kafka.bootstrap-servers}
 * wins, else the servers came from a {@code KafkaConnectionDetails} bean (the bean definitions outlive a failed
 * start-up; the beans do not).
 */
class ClusterUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<ClusterUnreachableException> {

	private static final String CONNECTION_DETAILS = "org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails";

	private final Environment environment;

	private final BeanFactory beanFactory;

	ClusterUnreachableFailureAnalyzer(Environment environment, BeanFactory beanFactory) {
		this.environment = environment;
		this.beanFactory = beanFactory;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ClusterUnreachableException cause) {
		String description = "vMODB could not reach the Kafka cluster of its log at " + cause.bootstrapServers()
				+ ", taken from " + source() + ": it did not answer within " + cause.timeout().toMillis()
				+ " ms (vmodb.kafka.startup-timeout).\n\n" + cause.getMessage();
		String action = "Check that the cluster is running and reachable from this application at "
				+ cause.bootstrapServers() + " (host names, ports, the listeners it advertises, firewalls) and that "
				+ "its security settings match the clients' (vmodb.kafka.properties.security.protocol, sasl.*, "
				+ "vmodb.kafka.ssl.bundle). To use another cluster, set vmodb.kafka.bootstrap-servers; to give a slow "
				+ "cluster longer, raise vmodb.kafka.startup-timeout.";
		return new FailureAnalysis(description, action, cause);
	}

	private String source() {
		if (Binder.get(this.environment).bind("vmodb.kafka.bootstrap-servers", Bindable.listOf(String.class)).isBound()) {
			return "vmodb.kafka.bootstrap-servers";
		}
		String[] beans = connectionDetailsBeans();
		if (beans.length == 0) {
			return "the application's Kafka connection";
		}
		if (Arrays.asList(beans).contains("kafkaConnectionDetails")) {
			return "spring.kafka.bootstrap-servers (Boot's KafkaConnectionDetails)";
		}
		return "the KafkaConnectionDetails bean " + String.join(", ", beans);
	}

	private String[] connectionDetailsBeans() {
		ClassLoader classLoader = getClass().getClassLoader();
		if (!(this.beanFactory instanceof ListableBeanFactory listable)
				|| !ClassUtils.isPresent(CONNECTION_DETAILS, classLoader)) {
			return new String[0];
		}
		return listable.getBeanNamesForType(ClassUtils.resolveClassName(CONNECTION_DETAILS, classLoader), true, false);
	}

}
