package dev.vmodb.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;

/**
 * Context runners for tests on the {@link SharedBroker}: each context gets its own application name, hence its own
 * topics, so contexts on the same broker do not see each other's transactions.
 */
final class BrokerContextRunners {

	private static final AtomicInteger applications = new AtomicInteger();

	private BrokerContextRunners() {
	}

	/**
	 * A runner with vMODB's auto-configurations and a user configuration, on the {@link SharedBroker}.
	 * @param namePrefix the prefix of each context's application name
	 * @param userConfiguration the configuration declaring the VMSs
	 * @return the runner
	 */
	static ApplicationContextRunner on(String namePrefix, Class<?> userConfiguration) {
		return on(SharedBroker::bootstrapServers, namePrefix, userConfiguration);
	}

	/**
	 * A runner with vMODB's auto-configurations and a user configuration, on a broker of the test's own.
	 * @param bootstrapServers the broker's address, asked when each context starts
	 * @param namePrefix the prefix of each context's application name
	 * @param userConfiguration the configuration declaring the VMSs
	 * @return the runner
	 */
	static ApplicationContextRunner on(Supplier<String> bootstrapServers, String namePrefix, Class<?> userConfiguration) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class))
			.withUserConfiguration(userConfiguration)
			.withInitializer(context -> TestPropertyValues
				.of("vmodb.kafka.bootstrap-servers=" + bootstrapServers.get(),
						"vmodb.application-name=" + namePrefix + "-" + applications.incrementAndGet())
				.applyTo(context));
	}

}
