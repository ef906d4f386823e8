package dev.vmodb.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;

import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;

/**
 * Context runners for tests that share one embedded broker per class: each context gets its own application name,
 * hence its own topics, so contexts on the same broker do not see each other's transactions.
 */
final class BrokerContextRunners {

	private static final AtomicInteger applications = new AtomicInteger();

	private BrokerContextRunners() {
	}

	/**
	 * A runner with vMODB's auto-configurations and a user configuration, on a shared broker.
	 * @param broker the class's broker, started before the first context runs
	 * @param namePrefix the prefix of each context's application name
	 * @param userConfiguration the configuration declaring the VMSs
	 * @return the runner
	 */
	static ApplicationContextRunner on(Supplier<EmbeddedKafkaBroker> broker, String namePrefix, Class<?> userConfiguration) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class))
			.withUserConfiguration(userConfiguration)
			.withInitializer(context -> TestPropertyValues
				.of("vmodb.kafka.bootstrap-servers=" + broker.get().bootstrapServers(),
						"vmodb.application-name=" + namePrefix + "-" + applications.incrementAndGet())
				.applyTo(context));
	}

}
