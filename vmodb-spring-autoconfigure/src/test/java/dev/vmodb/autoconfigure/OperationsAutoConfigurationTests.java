package dev.vmodb.autoconfigure;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.vmodb.autoconfigure.actuate.VmodbEndpoint;
import dev.vmodb.autoconfigure.actuate.VmodbEndpointAutoConfiguration;
import dev.vmodb.autoconfigure.health.VmodbHealthContributorAutoConfiguration;
import dev.vmodb.autoconfigure.sample.CounterService;
import dev.vmodb.autoconfigure.sample.SampleConfiguration;
import dev.vmodb.core.api.VmsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the conditions of the operations auto-configurations: each backs off when its library is absent or it
 * is switched off, and the application runs without them.
 */
class OperationsAutoConfigurationTests {

	private final ApplicationContextRunner runner = ActuatorContextRunners
		.withActuator(BrokerContextRunners.on("operations", SampleConfiguration.class));

	@Test
	void withActuatorTheEndpointAndTheHealthContributorExist() {
		this.runner.run(context -> {
			assertThat(context).hasSingleBean(VmodbEndpoint.class).hasBean("vmodbHealthContributor");
			assertThat(context).hasBean("vmodbReadinessGroupPostProcessor");
		});
	}

	@Test
	void anApplicationWithoutActuatorStartsAndCommits() {
		// vMODB's operations auto-configurations are listed in the starter whether Actuator is there or not
		BrokerContextRunners.on("operations", SampleConfiguration.class)
			.withConfiguration(AutoConfigurations.of(VmodbEndpointAutoConfiguration.class,
					VmodbHealthContributorAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(VmodbEndpoint.class).doesNotHaveBean("vmodbHealthContributor");
				assertThat(context.getBean(VmsClient.class).submit("add", new CounterService.Add("a", 1))
					.get(30, TimeUnit.SECONDS).tid()).isPositive();
			});
	}

	@Test
	void theEndpointNeedsToBeExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=health",
				"management.endpoints.jmx.exposure.include=health")
			.run(context -> assertThat(context).doesNotHaveBean(VmodbEndpoint.class).hasBean("vmodbHealthContributor"));
	}

	@Test
	void theHealthContributorCanBeSwitchedOff() {
		this.runner.withPropertyValues("management.health.vmodb.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean("vmodbHealthContributor")
				.doesNotHaveBean("vmodbReadinessGroupPostProcessor")
				.hasSingleBean(VmodbEndpoint.class));
	}

}
