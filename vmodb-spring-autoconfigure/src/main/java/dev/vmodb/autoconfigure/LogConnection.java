package dev.vmodb.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the application's log is and how its clients connect: the bootstrap servers, where they came from, and the
 * connection's client properties (security protocol, SSL) that every client of the log gets on top of
 * {@code vmodb.kafka.properties.*}.
 *
 * @param bootstrapServers the cluster's host:port pairs, never empty
 * @param source where the servers came from
 * @param origin the source in words, for messages ("vmodb.kafka.bootstrap-servers", "KafkaConnectionDetails bean
 * 'kafka' (…)", "embedded broker")
 * @param clientProperties Kafka client properties of the connection; values may be objects (an SslBundle)
 */
public record LogConnection(List<String> bootstrapServers, Source source, String origin,
		Map<String, Object> clientProperties) {

	public LogConnection {
		bootstrapServers = List.copyOf(bootstrapServers);
		if (bootstrapServers.isEmpty()) {
			throw new IllegalArgumentException("A connection to the log needs at least one bootstrap server");
		}
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(origin, "origin");
		clientProperties = Map.copyOf(clientProperties);
	}

	/**
	 * The servers as Kafka's {@code bootstrap.servers} takes them.
	 * @return the host:port pairs, comma-separated
	 */
	public String bootstrapServersList() {
		return String.join(",", this.bootstrapServers);
	}

	/**
	 * Where the log's servers came from, in the order vMODB looks for them.
	 */
	public enum Source {

		/** {@code vmodb.kafka.bootstrap-servers}, which wins over everything else. */
		PROPERTY,

		/** A {@code KafkaConnectionDetails} bean: a {@code @ServiceConnection}, or Boot's {@code spring.kafka.*}. */
		CONNECTION_DETAILS,

		/** A broker started in this JVM (vmodb-kafka-embedded), when nothing else names a cluster. */
		EMBEDDED

	}

}
