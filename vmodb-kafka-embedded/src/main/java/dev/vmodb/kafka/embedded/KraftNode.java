package dev.vmodb.kafka.embedded;

import java.util.concurrent.CompletableFuture;

import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.FaultHandlerFactory;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.Server;
import kafka.server.SharedServer;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.raft.QuorumConfig;
import org.apache.kafka.server.ServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * A combined KRaft node, a controller and a broker sharing one metadata log, assembled as {@link KafkaRaftServer}
 * assembles it.
 *
 * <p>{@code KafkaRaftServer} itself is not used because it fixes two things an embedded node must choose: the socket
 * factory (here, listeners bound before the configuration is written) and the fault handlers (there, ones that halt
 * the JVM).
 */
final class KraftNode {

	private static final Logger logger = LoggerFactory.getLogger(KraftNode.class);

	private final SharedServer shared;

	private final ControllerServer controller;

	private final BrokerServer broker;

	/**
	 * Reads the formatted log directory and creates the node, without starting it.
	 * @param config the node's configuration
	 * @param sockets opens the listeners
	 * @param faults handles the node's faults
	 */
	KraftNode(KafkaConfig config, ServerSocketFactory sockets, FaultHandlerFactory faults) {
		Tuple2<MetaPropertiesEnsemble, BootstrapMetadata> directories = KafkaRaftServer.initializeLogDirs(config,
				logger, "[EmbeddedKafkaBroker] ");
		MetaPropertiesEnsemble metaProperties = directories._1();
		Metrics metrics = Server.initializeMetrics(config, Time.SYSTEM, metaProperties.clusterId().get());
		this.shared = new SharedServer(config, metaProperties, Time.SYSTEM, metrics,
				CompletableFuture.completedFuture(QuorumConfig.parseVoterConnections(config.quorumConfig().voters())),
				QuorumConfig.parseBootstrapServers(config.quorumConfig().bootstrapServers()), faults, sockets);
		this.controller = new ControllerServer(this.shared, KafkaRaftServer.configSchema(), directories._2());
		this.broker = new BrokerServer(this.shared);
	}

	/**
	 * Starts the controller, then the broker; returns once the broker is registered, caught up with the metadata log
	 * and accepting connections.
	 */
	void startup() {
		// The broker registers with the controller, so the controller comes first.
		this.controller.startup();
		this.broker.startup();
	}

	/**
	 * Stops the broker, then the controller (which the broker's controlled shutdown needs), and waits for both.
	 */
	void shutdown() {
		try {
			this.broker.shutdown();
		}
		finally {
			try {
				this.controller.shutdown();
			}
			finally {
				this.broker.awaitShutdown();
				this.controller.awaitShutdown();
			}
		}
	}

}
