package dev.vmodb.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.server.fault.FaultHandlerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker running inside this JVM: one KRaft node that is both the broker and its own controller, built
 * from Kafka's server artifacts (no Docker, no test-kit).
 *
 * <p>It exists so that the event log can be developed, tested, demonstrated and measured on a machine with nothing
 * but a JDK. It is a single node on purpose: every replica lives on it, so it has no fault tolerance, and every
 * internal topic (consumer offsets, transaction state) is created with one replica so that consumer groups and
 * transactions work at once instead of waiting for brokers that never come. Clients see an ordinary broker: the
 * idempotent and transactional producers, consumer groups and the admin client behave as they do against a
 * cluster.
 *
 * <p>The broker listens on the loopback address only, on {@link EmbeddedBrokerSettings#port()} (a free port if
 * {@code 0}); its address is {@link #bootstrapServers()}. Topics are not created automatically: create them with the
 * admin client; a topic created without a partition count gets {@link EmbeddedBrokerSettings#partitions()}.
 *
 * <p>Storage is {@link EmbeddedBrokerSettings#logDirectory()}: the metadata log and the topics' logs in one
 * directory. The first start formats it (a new cluster id); a later start on the same directory reuses it as it is,
 * so a restarted broker has the same cluster id, topics, records and committed offsets. Without a directory the
 * broker uses a temporary one and deletes it when it closes. Records are flushed to disk as Kafka does by default:
 * by the OS, and at a clean {@link #close()}.
 *
 * <p>{@link #start(EmbeddedBrokerSettings)} returns once an admin client has been answered by the broker: in two to
 * three seconds in a new JVM on two cores (loading Kafka's classes is most of it), in a few hundred milliseconds for
 * a later broker in the same JVM. The broker takes about 40 MB of heap. The broker's loggers are turned down to warnings when Logback is the logging backend and the
 * application did not configure them. A fatal fault of the broker (a corrupt metadata log, for instance), which
 * would halt a standalone Kafka process, is logged instead and reported by {@link #close()}. Like any server, a
 * broker that is not closed keeps the JVM running; if the JVM exits anyway (Ctrl-C, {@code System.exit}), a
 * shutdown hook closes the broker cleanly.
 *
 * <pre class="code">
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults())) {
 *     Map&lt;String, Object&gt; producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
 *     // ...
 * }
 * </pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

	private final KraftNode node;

	private final PreboundListeners listeners;

	private final RecordingFaultHandlers faults;

	private final Path logDirectory;

	private final boolean temporaryDirectory;

	private final String bootstrapServers;

	/** Closes the broker cleanly if the JVM exits while it runs (Ctrl-C, {@code System.exit}). */
	private final Thread shutdownHook = new Thread(this::closeOnExit, "embedded-kafka-broker-shutdown");

	private boolean closed;

	private EmbeddedKafkaBroker(KraftNode node, PreboundListeners listeners, RecordingFaultHandlers faults,
			Path logDirectory, boolean temporaryDirectory) {
		this.node = node;
		this.listeners = listeners;
		this.faults = faults;
		this.logDirectory = logDirectory;
		this.temporaryDirectory = temporaryDirectory;
		this.bootstrapServers = PreboundListeners.HOST + ":" + listeners.brokerPort();
	}

	/**
	 * Starts a broker and waits until it answers clients.
	 * @param settings the log directory, port and default partition count
	 * @return the running broker, to be closed
	 * @throws IllegalStateException if the broker cannot start; whatever it had started is stopped again
	 */
	public static EmbeddedKafkaBroker start(EmbeddedBrokerSettings settings) {
		BrokerLogging.quietUnlessConfigured();
		long startedAt = System.nanoTime();
		boolean temporary = settings.logDirectory() == null;
		Path directory = createLogDirectory(settings.logDirectory());
		PreboundListeners listeners = null;
		KraftNode node = null;
		boolean started = false;
		try {
			listeners = PreboundListeners.bind(settings.port());
			boolean formatted = StorageFormat.formatIfNeeded(directory);
			KafkaConfig config = new KafkaConfig(BrokerProperties.of(directory, listeners, settings.partitions()),
					false);
			RecordingFaultHandlers faults = new RecordingFaultHandlers();
			node = new KraftNode(config, listeners, faults);
			node.startup();
			EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(node, listeners, faults, directory, temporary);
			awaitClients(broker.bootstrapServers);
			Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
			started = true;
			logger.info("Embedded Kafka broker started at {} in {} ms ({} directory {})", broker.bootstrapServers,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), formatted ? "new" : "existing",
					directory);
			return broker;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("Could not start an embedded Kafka broker on " + directory, ex);
		}
		finally {
			if (!started) {
				stopQuietly(node, listeners, temporary ? directory : null);
			}
		}
	}

	private static Path createLogDirectory(Path configured) {
		try {
			if (configured == null) {
				return Files.createTempDirectory("vmodb-kafka-").toAbsolutePath();
			}
			return Files.createDirectories(configured).toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the Kafka log directory " + configured, ex);
		}
	}

	/** The broker is ready when it starts; this checks it from the client side, as the applications will. */
	private static void awaitClients(String bootstrapServers)
			throws InterruptedException, ExecutionException, TimeoutException {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private static void stopQuietly(KraftNode node, PreboundListeners listeners, Path temporaryDirectory) {
		try {
			if (node != null) {
				node.shutdown();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Embedded Kafka broker: stopping after a failed start failed", ex);
		}
		finally {
			if (listeners != null) {
				listeners.close();
			}
			deleteQuietly(temporaryDirectory);
		}
	}

	private static void deleteQuietly(Path directory) {
		if (directory == null) {
			return;
		}
		try {
			Utils.delete(directory.toFile());
		}
		catch (IOException ex) {
			logger.warn("Embedded Kafka broker: could not delete {}", directory, ex);
		}
	}

	/**
	 * The address clients connect to, as {@code host:port} for {@code bootstrap.servers}.
	 * @return the bootstrap servers
	 */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/**
	 * The directory holding the broker's metadata and records (deleted on close if it is a temporary one).
	 * @return the log directory
	 */
	public Path logDirectory() {
		return this.logDirectory;
	}

	/**
	 * Stops the broker cleanly (its logs are flushed and closed) and deletes a temporary log directory. Closing a
	 * closed broker does nothing.
	 * @throws IllegalStateException if the broker met a fatal fault while it ran; it is stopped nevertheless
	 */
	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is exiting: the hook closes the broker, or already did.
		}
		boolean stoppedNow = stop();
		FaultHandlerException fault = this.faults.firstFatalFault();
		if (stoppedNow && fault != null) {
			throw new IllegalStateException("The embedded Kafka broker met a fatal fault", fault);
		}
	}

	private void closeOnExit() {
		try {
			stop();
		}
		catch (RuntimeException ex) {
			logger.warn("Embedded Kafka broker: stopping at JVM exit failed", ex);
		}
	}

	/** Stops the broker unless it is stopped; returns whether this call stopped it. */
	private synchronized boolean stop() {
		if (this.closed) {
			return false;
		}
		this.closed = true;
		try {
			this.node.shutdown();
		}
		finally {
			this.listeners.close();
			if (this.temporaryDirectory) {
				deleteQuietly(this.logDirectory);
			}
		}
		return true;
	}

}
