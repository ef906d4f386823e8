package dev.vmodb.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.vmodb.autoconfigure.VmodbAutoConfiguration;
import dev.vmodb.autoconfigure.VmodbRoles;
import dev.vmodb.kafka.KafkaNode;

/**
 * Auto-configuration of the {@code vmodb} health contributor: {@code vmodb/roles}, {@code vmodb/log},
 * {@code vmodb/coordinator} (where this application coordinates) and {@code vmodb/vms/<name>} per hosted VMS; and its
 * membership of the readiness group. Off with {@code management.health.vmodb.enabled=false}.
 */
@AutoConfiguration(after = { VmodbAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class })
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({ KafkaNode.class, VmodbRoles.class })
public final class VmodbHealthContributorAutoConfiguration {

	/**
	 * The contributor and its readiness membership. A nested class: its condition's class is in spring-boot-health,
	 * only loaded once the outer class's condition found that library.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("vmodb")
	static class Contributor {

		@Bean
		@ConditionalOnMissingBean(name = "vmodbHealthContributor")
		HealthContributor vmodbHealthContributor(KafkaNode node, VmodbRoles roles) {
			Map<String, HealthContributor> components = new LinkedHashMap<>();
			components.put("roles", new RolesHealthIndicator(roles));
			components.put("log", new LogHealthIndicator(node));
			if (node.coordinates()) {
				components.put("coordinator", new CoordinatorHealthIndicator(node));
			}
			Map<String, HealthContributor> vms = new LinkedHashMap<>();
			node.vmsStatuses().keySet().forEach(name -> vms.put(name, new VmsHealthIndicator(node, name)));
			if (!vms.isEmpty()) {
				components.put("vms", CompositeHealthContributor.fromMap(vms));
			}
			return CompositeHealthContributor.fromMap(components);
		}

		@Bean
		static HealthEndpointGroupsPostProcessor vmodbReadinessGroupPostProcessor(Environment environment) {
			return new ReadinessIncludesVmodb(environment);
		}

	}

}
