package dev.vmodb.autoconfigure;

import java.nio.file.Path;

import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;

/**
 * Starts vmodb-kafka-embedded's {@link EmbeddedKafkaBroker}. The only class of the auto-configuration that names the
 * broker's types, and created only when they are on the class path, so an application without the broker's jars
 * never loads them.
 */
final class InJvmKafkaBrokerLauncher implements EmbeddedLogBrokerLauncher {

	@Override
	public EmbeddedLogBroker start(Path logDirectory, int port, int partitions) {
		EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults()
			.withLogDirectory(logDirectory)
			.withPort(port)
			.withPartitions(partitions));
		return new Started(broker, logDirectory == null);
	}

	private record Started(EmbeddedKafkaBroker broker, boolean temporary) implements EmbeddedLogBroker {

		@Override
		public String bootstrapServers() {
			return this.broker.bootstrapServers();
		}

		@Override
		public Path logDirectory() {
			return this.broker.logDirectory();
		}

		@Override
		public void close() {
			this.broker.close();
		}

	}

}
