package dev.vmodb.autoconfigure;

import java.nio.file.Path;

/**
 * A Kafka broker this application started in its JVM for its log because no cluster is configured
 * (vmodb-kafka-embedded); it stops with the application. For development and tests: one node, no replicas.
 */
public interface EmbeddedLogBroker extends AutoCloseable {

	/**
	 * The broker's address.
	 * @return its host:port, never {@code null}
	 */
	String bootstrapServers();

	/**
	 * The broker's log directory.
	 * @return the directory holding its records, never {@code null}
	 */
	Path logDirectory();

	/**
	 * Whether the log directory is a temporary one, deleted when the broker stops: then nothing the log holds
	 * survives a restart.
	 * @return whether the log is lost at shut-down
	 */
	boolean temporary();

	/**
	 * Stops the broker (and deletes a temporary log directory). Stopping a stopped broker does nothing.
	 */
	@Override
	void close();

}
