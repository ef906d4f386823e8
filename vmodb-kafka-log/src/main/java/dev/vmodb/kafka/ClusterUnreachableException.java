package dev.vmodb.kafka;

import java.time.Duration;

/**
 * Thrown at start-up when the Kafka cluster does not answer the log's calls within
 * {@link LogResilience#startupTimeout()}: it is down, unreachable at that address, or refuses this application's
 * connection settings. The message names the cluster, the call and the last error; nothing was started.
 */
public class ClusterUnreachableException extends IllegalStateException {

	private final String bootstrapServers;

	private final Duration timeout;

	/**
	 * Creates the exception.
	 * @param bootstrapServers the cluster that did not answer, as configured
	 * @param timeout how long start-up waited for it
	 * @param what the call that was not answered ("listing the log's topics")
	 * @param lastError the last error the cluster's client reported, or {@code null} if none
	 */
	public ClusterUnreachableException(String bootstrapServers, Duration timeout, String what, Throwable lastError) {
		super("The Kafka cluster at " + bootstrapServers + " did not answer within " + timeout.toMillis()
				+ " ms while " + what + " (vmodb.kafka.startup-timeout"
				+ ((lastError != null) ? "; last error: " + lastError : "") + "). Check that it is running and "
				+ "reachable from this application at that address (vmodb.kafka.bootstrap-servers, or the "
				+ "application's KafkaConnectionDetails), and its security settings (vmodb.kafka.properties.*).",
				lastError);
		this.bootstrapServers = bootstrapServers;
		this.timeout = timeout;
	}

	/**
	 * The cluster that did not answer.
	 * @return its bootstrap servers, comma-separated as the clients were given them
	 */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/**
	 * How long start-up waited.
	 * @return the start-up timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

}
