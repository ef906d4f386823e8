package dev.vmodb.autoconfigure;

import java.nio.file.Path;

/**
 * Starts the broker an application runs its log on when it names no cluster. Auto-configured only when
 * vmodb-kafka-embedded is on the class path; without such a bean, start-up fails instead (see
 * {@link LogNotConfiguredException}).
 */
@FunctionalInterface
public interface EmbeddedLogBrokerLauncher {

	/**
	 * Starts a broker and waits until it answers clients.
	 * @param logDirectory the directory to keep the log in, or {@code null} for a temporary one
	 * @param port the port to listen on, {@code 0} for a free one
	 * @param partitions the partitions of a topic created without a count
	 * @return the running broker, never {@code null}
	 * @throws IllegalStateException if the broker cannot start
	 */
	EmbeddedLogBroker start(Path logDirectory, int port, int partitions);

}
