package dev.vmodb.autoconfigure.metrics;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.autoconfigure.VmodbAutoConfiguration;
import dev.vmodb.kafka.KafkaNode;
import dev.vmodb.kafka.NodeSettings;

/**
 * Auto-configuration of vMODB's Micrometer meters, in an application with a meter registry and vMODB roles.
 */
// After Boot's metrics auto-configurations, which create the registry, and after vMODB's, which creates the node.
// By name: an application may have Micrometer without Spring Boot's metrics module.
@AutoConfiguration(after = VmodbAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, KafkaNode.class })
@EnableConfigurationProperties(VmodbMetricsProperties.class)
public final class VmodbMetricsAutoConfiguration {

	/** Depends on neither the node nor the registry: the node is built with it (see {@link EngineEventMeters}). */
	@Bean
	@ConditionalOnMissingBean
	EngineEventMeters vmodbEngineEventMeters(VmodbMetricsProperties properties, NodeSettings settings) {
		return new EngineEventMeters(properties.getTransactions().isPercentilesHistogram(), settings.coordinator());
	}

	@Bean
	@ConditionalOnMissingBean
	EngineStatusMeters vmodbEngineStatusMeters(KafkaNode node) {
		return new EngineStatusMeters(node);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TaggedCircuitBreakerMetrics.class)
	static class Resilience {

		@Bean
		@ConditionalOnMissingBean
		LogResilienceMeters vmodbLogResilienceMeters(KafkaNode node) {
			return new LogResilienceMeters(node);
		}

	}

}
