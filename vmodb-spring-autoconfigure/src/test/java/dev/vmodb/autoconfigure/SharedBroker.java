package dev.vmodb.autoconfigure;

import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;

/**
 * One embedded Kafka broker for every test of this module that needs a running cluster but not its failures: started
 * by the first test that asks, stopped when the test JVM exits. Each context names its own application, hence its
 * own topics (see {@link BrokerContextRunners}), so tests on it do not see each other's transactions. Tests that stop
 * or restart a broker start their own.
 */
public final class SharedBroker {

	private static EmbeddedKafkaBroker broker;

	private SharedBroker() {
	}

	/**
	 * The broker's address, starting it on first use.
	 * @return its bootstrap servers
	 */
	public static synchronized String bootstrapServers() {
		if (broker == null) {
			EmbeddedKafkaBroker started = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults());
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-broker-stop"));
			broker = started;
		}
		return broker.bootstrapServers();
	}

}
