package dev.vmodb.kafka.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration of the one-node broker: broker and controller in one process, every internal topic with a
 * single replica.
 */
final class BrokerProperties {

	/** The node's id, fixed so that a restarted broker recognises the directory it formatted. */
	static final int NODE_ID = 1;

	private BrokerProperties() {
	}

	/**
	 * The broker configuration.
	 * @param logDirectory the directory of both the metadata log and the topics' logs
	 * @param listeners the bound listeners
	 * @param partitions the default partitions of a new topic
	 * @return the configuration, by Kafka property name
	 */
	static Map<String, Object> of(Path logDirectory, PreboundListeners listeners, int partitions) {
		String broker = PreboundListeners.BROKER + "://" + PreboundListeners.HOST + ":" + listeners.brokerPort();
		String controller = PreboundListeners.CONTROLLER + "://" + PreboundListeners.HOST + ":"
				+ listeners.controllerPort();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", NODE_ID);
		// A static quorum of this node only: it elects itself at once, and the controller's port may change
		// between runs on the same directory (a dynamic quorum would store it at format time).
		properties.put("controller.quorum.voters", NODE_ID + "@" + PreboundListeners.HOST + ":"
				+ listeners.controllerPort());
		properties.put("listeners", broker + "," + controller);
		properties.put("advertised.listeners", broker);
		properties.put("listener.security.protocol.map",
				PreboundListeners.BROKER + ":PLAINTEXT," + PreboundListeners.CONTROLLER + ":PLAINTEXT");
		properties.put("controller.listener.names", PreboundListeners.CONTROLLER);
		properties.put("inter.broker.listener.name", PreboundListeners.BROKER);
		properties.put("log.dirs", logDirectory.toString());
		properties.put("num.partitions", partitions);
		// Topics are created on purpose: a typo in a topic name fails instead of creating a second log.
		properties.put("auto.create.topics.enable", false);
		// One broker holds every replica; the defaults (3 replicas, 2 in sync) would leave transactions, consumer
		// groups and share groups waiting for brokers that never come (initTransactions times out after 60 s).
		properties.put("offsets.topic.replication.factor", (short) 1);
		properties.put("transaction.state.log.replication.factor", (short) 1);
		properties.put("transaction.state.log.min.isr", 1);
		properties.put("share.coordinator.state.topic.replication.factor", (short) 1);
		properties.put("share.coordinator.state.topic.min.isr", (short) 1);
		// Internal topics are created on first use, while a client waits: 50 partitions each (the default) cost a
		// noticeable pause for nothing on one node. A few still let coordinators of unrelated groups and
		// transactional producers work in parallel.
		properties.put("offsets.topic.num.partitions", 4);
		properties.put("transaction.state.log.num.partitions", 4);
		// No other member can join a group on a test broker worth waiting 3 s for.
		properties.put("group.initial.rebalance.delay.ms", 0);
		// The log cleaner allocates this buffer on the heap at start-up: 128 MiB by default, for compacting the
		// consumer offsets of a handful of groups.
		properties.put("log.cleaner.dedupe.buffer.size", 8L * 1024 * 1024);
		// A broker restarted on its directory registers again, and the controller (restarted with it) refuses the new
		// registration until the old one's session expires: 9 s by default, nearly all of a restart. Heartbeats
		// travel over loopback inside one process, so a shorter session loses nothing.
		properties.put("broker.session.timeout.ms", 3_000);
		properties.put("broker.heartbeat.interval.ms", 500);
		// Fail instead of waiting forever if the node cannot start (the default has no limit).
		properties.put("server.max.startup.time.ms", 120_000L);
		return properties;
	}

}
