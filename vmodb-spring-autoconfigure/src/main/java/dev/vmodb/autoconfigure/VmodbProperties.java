package dev.vmodb.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the virtual microservices of an application.
 */
@ConfigurationProperties("vmodb")
public class VmodbProperties {

	/**
	 * Name of the vMODB application (the set of VMSs sharing one log); topic names derive from it, so every
	 * service of one deployment must use the same. Defaults to spring.application.name, else "vmodb".
	 */
	private String applicationName;

	/**
	 * Input events the application submits; start-up fails if no VMS handles one of them.
	 */
	private List<String> inputEvents = new ArrayList<>();

	private final Batch batch = new Batch();

	private final Kafka kafka = new Kafka();

	private final Client client = new Client();

	private final Coordinator coordinator = new Coordinator();

	private final Scheduler scheduler = new Scheduler();

	private final Checkpoint checkpoint = new Checkpoint();

	private final H2 h2 = new H2();

	private final Startup startup = new Startup();

	private final Shutdown shutdown = new Shutdown();

	/**
	 * Per-VMS settings, by VMS name.
	 */
	private final Map<String, Vms> vms = new LinkedHashMap<>();

	public String getApplicationName() {
		return this.applicationName;
	}

	public void setApplicationName(String applicationName) {
		this.applicationName = applicationName;
	}

	public List<String> getInputEvents() {
		return this.inputEvents;
	}

	public void setInputEvents(List<String> inputEvents) {
		this.inputEvents = inputEvents;
	}

	public Batch getBatch() {
		return this.batch;
	}

	public Kafka getKafka() {
		return this.kafka;
	}

	public Client getClient() {
		return this.client;
	}

	public Coordinator getCoordinator() {
		return this.coordinator;
	}

	public Scheduler getScheduler() {
		return this.scheduler;
	}

	public Checkpoint getCheckpoint() {
		return this.checkpoint;
	}

	public H2 getH2() {
		return this.h2;
	}

	public Startup getStartup() {
		return this.startup;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public Map<String, Vms> getVms() {
		return this.vms;
	}

	public static class Startup {

		/**
		 * Whether the application closes itself when its roles fail to start (the cluster does not answer, the
		 * topology is invalid); otherwise it keeps running with its liveness broken and its vmodb health DOWN.
		 */
		private boolean failFast = true;

		public boolean isFailFast() {
			return this.failFast;
		}

		public void setFailFast(boolean failFast) {
			this.failFast = failFast;
		}

	}

	public static class Shutdown {

		/**
		 * Longest time shutdown waits for the transactions in flight to reach their outcome before it closes the
		 * roles (those left are in doubt); keep it below spring.lifecycle.timeout-per-shutdown-phase.
		 */
		private Duration drainTimeout = Duration.ofSeconds(20);

		public Duration getDrainTimeout() {
			return this.drainTimeout;
		}

		public void setDrainTimeout(Duration drainTimeout) {
			this.drainTimeout = drainTimeout;
		}

	}

	public static class Batch {

		/**
		 * Time after a batch's first transaction at which the batch is sealed.
		 */
		private Duration window = Duration.ofMillis(5);

		/**
		 * Number of transactions at which a batch is sealed before its window ends.
		 */
		private int maxSize = 10_000;

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public int getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(int maxSize) {
			this.maxSize = maxSize;
		}

	}

	public static class Kafka {

		private static final DataSize MIN_RECORD_SIZE = DataSize.ofKilobytes(1);

		/**
		 * Kafka cluster to use, as host:port pairs; wins over a KafkaConnectionDetails bean. When neither is set,
		 * the application starts a single-node broker in its JVM if vmodb-kafka-embedded is on the class path.
		 */
		private List<String> bootstrapServers = new ArrayList<>();

		/**
		 * Partitions of the input topic (the sequencer).
		 */
		private int inputPartitions = 1;

		/**
		 * Replicas of every topic the log creates.
		 */
		private short replicationFactor = 1;

		/**
		 * Largest log record (many events packed together); topics and producers are configured for it.
		 */
		private DataSize maxRecordSize = DataSize.ofMegabytes(8);

		/**
		 * Extra Kafka client properties (security, timeouts), applied to every client.
		 */
		private Map<String, String> properties = new LinkedHashMap<>();

		/**
		 * How long a write may wait for the cluster's acknowledgement before the log counts as unavailable; from
		 * then on submissions fail at once with LogUnavailableException until the cluster acknowledges writes again.
		 */
		private Duration ackTimeout = Duration.ofSeconds(10);

		/**
		 * How long the producer keeps retrying a write before failing it: the longest outage a running application
		 * rides out. Accepted submissions whose write fails then fail as in doubt; a lost protocol record stops the
		 * application's roles until it is restarted.
		 */
		private Duration deliveryTimeout = Duration.ofHours(1);

		/**
		 * How long start-up waits for the cluster to answer before it fails with a message naming the cluster.
		 */
		private Duration startupTimeout = Duration.ofSeconds(30);

		/**
		 * Longest pause between two retries of a failed Kafka call (producer retries and reconnects, consumers
		 * after an error, start-up calls); pauses grow exponentially up to it.
		 */
		private Duration maxRetryBackoff = Duration.ofSeconds(1);

		private final Ssl ssl = new Ssl();

		private final Embedded embedded = new Embedded();

		public List<String> getBootstrapServers() {
			return this.bootstrapServers;
		}

		public void setBootstrapServers(List<String> bootstrapServers) {
			this.bootstrapServers = bootstrapServers;
		}

		public int getInputPartitions() {
			return this.inputPartitions;
		}

		public void setInputPartitions(int inputPartitions) {
			this.inputPartitions = inputPartitions;
		}

		public short getReplicationFactor() {
			return this.replicationFactor;
		}

		public void setReplicationFactor(short replicationFactor) {
			this.replicationFactor = replicationFactor;
		}

		public DataSize getMaxRecordSize() {
			return this.maxRecordSize;
		}

		/**
		 * Sets the largest log record.
		 * @param maxRecordSize at least 1KB (a record holds at least one event with its header) and at most
		 * Integer.MAX_VALUE bytes (Kafka's limits are ints)
		 * @throws IllegalArgumentException otherwise, which Boot reports as a failure to bind the property
		 */
		public void setMaxRecordSize(DataSize maxRecordSize) {
			if (maxRecordSize.toBytes() < MIN_RECORD_SIZE.toBytes() || maxRecordSize.toBytes() > Integer.MAX_VALUE) {
				throw new IllegalArgumentException("vmodb.kafka.max-record-size must be between 1KB and "
						+ Integer.MAX_VALUE + "B (Kafka's limit), got " + maxRecordSize);
			}
			this.maxRecordSize = maxRecordSize;
		}

		public Map<String, String> getProperties() {
			return this.properties;
		}

		public void setProperties(Map<String, String> properties) {
			this.properties = properties;
		}

		public Duration getAckTimeout() {
			return this.ackTimeout;
		}

		public void setAckTimeout(Duration ackTimeout) {
			this.ackTimeout = ackTimeout;
		}

		public Duration getDeliveryTimeout() {
			return this.deliveryTimeout;
		}

		public void setDeliveryTimeout(Duration deliveryTimeout) {
			this.deliveryTimeout = deliveryTimeout;
		}

		public Duration getStartupTimeout() {
			return this.startupTimeout;
		}

		public void setStartupTimeout(Duration startupTimeout) {
			this.startupTimeout = startupTimeout;
		}

		public Duration getMaxRetryBackoff() {
			return this.maxRetryBackoff;
		}

		public void setMaxRetryBackoff(Duration maxRetryBackoff) {
			this.maxRetryBackoff = maxRetryBackoff;
		}

		public Ssl getSsl() {
			return this.ssl;
		}

		public Embedded getEmbedded() {
			return this.embedded;
		}

	}

	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) the log's clients use to reach the cluster named by
		 * vmodb.kafka.bootstrap-servers; needs spring-boot-kafka on the class path.
		 */
		private String bundle;

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

	}

	public static class Embedded {

		/**
		 * Log directory of the embedded broker; when unset, a temporary directory deleted at shut-down, so nothing
		 * is kept across restarts. Set it to keep the log.
		 */
		private Path logDirectory;

		/**
		 * Port of the embedded broker; 0 picks a free one.
		 */
		private int port;

		public Path getLogDirectory() {
			return this.logDirectory;
		}

		public void setLogDirectory(Path logDirectory) {
			this.logDirectory = logDirectory;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

	}

	public static class Client {

		/**
		 * Submissions accepted but not yet acknowledged by the log, at most; beyond it submit throws
		 * LogUnavailableException instead of queuing, which bounds what a slow or unreachable log piles up.
		 */
		private int maxWaiting = 100_000;

		public int getMaxWaiting() {
			return this.maxWaiting;
		}

		public void setMaxWaiting(int maxWaiting) {
			this.maxWaiting = maxWaiting;
		}

	}

	public static class Coordinator {

		/**
		 * Whether this application sequences and commits batches; exactly one application of a deployment must.
		 */
		private boolean enabled = true;

		/**
		 * VMSs hosted by other applications that the coordinator waits for before it starts.
		 */
		private List<String> expectedVms = new ArrayList<>();

		/**
		 * How long the coordinator waits for the expected VMSs to register.
		 */
		private Duration registrationTimeout = Duration.ofSeconds(60);

		/**
		 * How many idempotency keys (those of the latest keyed transactions) the coordinator remembers with their
		 * outcomes, to answer a resubmitted request with its first outcome; a request whose key is older than that
		 * runs again. 0 remembers none.
		 */
		private int idempotencyKeysRetained = 100_000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getExpectedVms() {
			return this.expectedVms;
		}

		public void setExpectedVms(List<String> expectedVms) {
			this.expectedVms = expectedVms;
		}

		public Duration getRegistrationTimeout() {
			return this.registrationTimeout;
		}

		public void setRegistrationTimeout(Duration registrationTimeout) {
			this.registrationTimeout = registrationTimeout;
		}

		public int getIdempotencyKeysRetained() {
			return this.idempotencyKeysRetained;
		}

		public void setIdempotencyKeysRetained(int idempotencyKeysRetained) {
			this.idempotencyKeysRetained = idempotencyKeysRetained;
		}

	}

	public static class Scheduler {

		/**
		 * Threads per VMS for partitioned and parallel handlers; defaults to the number of processors.
		 */
		private int lanes = Math.max(2, Runtime.getRuntime().availableProcessors());

		public int getLanes() {
			return this.lanes;
		}

		public void setLanes(int lanes) {
			this.lanes = lanes;
		}

	}

	public static class Checkpoint {

		/**
		 * Time to coalesce committed batches over before writing them to each VMS's database; zero writes after
		 * every batch.
		 */
		private Duration interval = Duration.ofMillis(200);

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

	}

	public static class H2 {

		/**
		 * Directory for file-backed H2 databases, one per VMS; unset keeps every VMS database in memory.
		 */
		private Path directory;

		public Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(Path directory) {
			this.directory = directory;
		}

	}

	public static class Vms {

		private final Datasource datasource = new Datasource();

		public Datasource getDatasource() {
			return this.datasource;
		}

	}

	public static class Datasource {

		/**
		 * JDBC URL of the VMS's database; overrides the in-memory or vmodb.h2.directory default.
		 */
		private String url;

		/**
		 * Login user of the VMS's database.
		 */
		private String username = "sa";

		/**
		 * Login password of the VMS's database.
		 */
		private String password = "";

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

	}

}
