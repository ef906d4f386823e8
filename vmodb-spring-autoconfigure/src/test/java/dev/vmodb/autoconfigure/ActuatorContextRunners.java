package dev.vmodb.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.ContextRefreshedEvent;

import dev.vmodb.autoconfigure.actuate.VmodbEndpointAutoConfiguration;
import dev.vmodb.autoconfigure.health.VmodbHealthContributorAutoConfiguration;

/**
 * Adds Actuator to a context runner as an application with {@code spring-boot-starter-actuator} has it: the
 * availability state, the health endpoint with its probes, and vMODB's endpoint and health contributor.
 */
final class ActuatorContextRunners {

	private ActuatorContextRunners() {
	}

	static ApplicationContextRunner withActuator(ApplicationContextRunner runner) {
		return runner
			.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
					EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
					AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
					VmodbEndpointAutoConfiguration.class, VmodbHealthContributorAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=health,vmodb",
					"management.endpoints.jmx.exposure.include=health,vmodb",
					"management.endpoint.health.show-details=always")
			// what SpringApplication publishes once the application has started and is ready
			.withInitializer(context -> context.addApplicationListener((ContextRefreshedEvent refreshed) -> {
				AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
				AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			}));
	}

}
