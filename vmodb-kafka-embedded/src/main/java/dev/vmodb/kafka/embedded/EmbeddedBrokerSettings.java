package dev.vmodb.kafka.embedded;

import java.nio.file.Path;

/**
 * Settings of an {@link EmbeddedKafkaBroker}.
 *
 * @param logDirectory the directory holding the broker's metadata and records; {@code null} for a fresh temporary
 * directory deleted when the broker closes. A directory that a previous broker formatted is reused as it is, so a
 * restarted broker keeps its topics and records
 * @param port the port clients connect to on the loopback address; {@code 0} for a free port chosen when the broker
 * starts
 * @param partitions the partitions of a topic created without a partition count
 */
public record EmbeddedBrokerSettings(Path logDirectory, int port, int partitions) {

	public EmbeddedBrokerSettings {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("Port " + port + " is not between 0 and 65535");
		}
		if (partitions < 1) {
			throw new IllegalArgumentException("A topic needs at least one partition, not " + partitions);
		}
	}

	/**
	 * A broker on a temporary directory and a free port, with one partition per topic by default.
	 * @return the default settings
	 */
	public static EmbeddedBrokerSettings defaults() {
		return new EmbeddedBrokerSettings(null, 0, 1);
	}

	/**
	 * These settings with another log directory.
	 * @param logDirectory the directory, or {@code null} for a temporary one
	 * @return the new settings
	 */
	public EmbeddedBrokerSettings withLogDirectory(Path logDirectory) {
		return new EmbeddedBrokerSettings(logDirectory, this.port, this.partitions);
	}

	/**
	 * These settings with another client port.
	 * @param port the port, or {@code 0} for a free one
	 * @return the new settings
	 */
	public EmbeddedBrokerSettings withPort(int port) {
		return new EmbeddedBrokerSettings(this.logDirectory, port, this.partitions);
	}

	/**
	 * These settings with another default partition count.
	 * @param partitions the partitions of a topic created without a count
	 * @return the new settings
	 */
	public EmbeddedBrokerSettings withPartitions(int partitions) {
		return new EmbeddedBrokerSettings(this.logDirectory, this.port, partitions);
	}

}
