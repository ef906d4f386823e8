package dev.vmodb.autoconfigure;

import java.util.LinkedHashSet;

import jakarta.validation.Validator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.client.InputValidator;
import dev.vmodb.core.client.TransactionClient;
import dev.vmodb.core.coordinator.BatchPolicy;
import dev.vmodb.core.monitor.EngineListener;
import dev.vmodb.core.runtime.RuntimeSettings;
import dev.vmodb.core.topology.Topology;
import dev.vmodb.core.topology.VmsManifest;
import dev.vmodb.jpa.mapping.VmsCatalog;
import dev.vmodb.jpa.mapping.VmsPersistenceUnit;
import dev.vmodb.kafka.KafkaNode;
import dev.vmodb.kafka.NodeSettings;

/**
 * Auto-configuration of virtual microservices: their stores, their runtimes, the unified event log connecting
 * them ({@link VmodbLogConfiguration}), the coordinator, and the client that submits
 * transactions, refusing input events that violate their Bean Validation constraints when the application has a
 * {@link Validator}. The beans are built without touching the log; {@link VmodbRoles} connects them once the
 * context has refreshed. Every {@link EngineListener} bean (metrics, health) hears the roles.
 */
// After Spring Boot's validation auto-configuration, so that its Validator is known when input validation is decided.
@AutoConfiguration(afterName = "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration")
@ConditionalOnClass({ VmsClient.class, VmsPersistenceUnit.class })
@EnableConfigurationProperties(VmodbProperties.class)
@Import({ VirtualMicroserviceScanRegistrar.class, VmodbLogConfiguration.class })
public final class VmodbAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	VmsStorage vmodbStorage(ListableBeanFactory beanFactory, VmodbProperties properties) {
		return new VmsStorage(new VmsDeclarations(beanFactory), properties);
	}

	@Bean(VmsCatalog.BEAN_NAME)
	@ConditionalOnMissingBean
	VmsCatalog vmodbCatalog(VmsStorage storage) {
		return storage.catalog();
	}

	@Bean
	@ConditionalOnMissingBean
	RuntimeSettings vmodbRuntimeSettings(VmodbProperties properties) {
		return new RuntimeSettings(properties.getScheduler().getLanes(), properties.getCheckpoint().getInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	NodeSettings vmodbNodeSettings(VmodbProperties properties) {
		VmodbProperties.Coordinator coordinator = properties.getCoordinator();
		NodeSettings defaults = NodeSettings.defaults();
		return new NodeSettings(coordinator.isEnabled(), new LinkedHashSet<>(coordinator.getExpectedVms()),
				coordinator.getRegistrationTimeout(),
				new BatchPolicy(properties.getBatch().getWindow(), properties.getBatch().getMaxSize()),
				defaults.maxDeliveriesPerRecord(), defaults.maxSubmissionsPerRecord(), defaults.topologyTimeout(),
				properties.getClient().getMaxWaiting(), coordinator.getIdempotencyKeysRetained());
	}

	@Bean
	@ConditionalOnMissingBean
	VmsRuntimes vmodbRuntimes(VmsStorage storage, ListableBeanFactory beanFactory, RuntimeSettings settings) {
		return new VmsRuntimes(storage, beanFactory, settings);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	KafkaNode vmodbNode(VmodbLog log, NodeSettings settings, VmsRuntimes runtimes, VmodbProperties properties,
			ObjectProvider<EngineListener> listeners) {
		if (settings.coordinator() && settings.expectedVms().isEmpty()) {
			// every VMS of the topology is here: a bad declaration fails the context now, without the log
			Topology.of(runtimes.all().stream().map(runtime -> VmsManifest.of(runtime.definition())).toList())
				.requireInputs(properties.getInputEvents());
		}
		KafkaNode node = KafkaNode.create(log.settings(), settings, runtimes.all(), runtimes.eventTypes());
		node.reportTo(EngineListener.all(listeners.orderedStream().toList()));
		return node;
	}

	@Bean
	@ConditionalOnMissingBean
	StallBreaksLiveness vmodbStallBreaksLiveness(ApplicationEventPublisher events) {
		return new StallBreaksLiveness(events);
	}

	@Bean
	@ConditionalOnMissingBean
	VmodbRoles vmodbRoles(KafkaNode node, VmsRuntimes runtimes, VmodbProperties properties,
			ConfigurableApplicationContext context) {
		return new VmodbRoles(node, runtimes, properties.getInputEvents(),
				properties.getShutdown().getDrainTimeout(),
				new StartFailureReporter(context, properties.getStartup().isFailFast()), context);
	}

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean(VmsClient.class)
	TransactionClient vmodbClient(KafkaNode node, ObjectProvider<InputValidator> inputValidator) {
		TransactionClient client = node.client();
		client.validateInputsWith(inputValidator.getIfUnique(() -> InputValidator.NONE));
		return client;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Validator.class)
	static class InputValidation {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnSingleCandidate(Validator.class)
		InputValidator vmodbInputValidator(Validator validator) {
			return new BeanValidationInputValidator(validator);
		}

	}

}
