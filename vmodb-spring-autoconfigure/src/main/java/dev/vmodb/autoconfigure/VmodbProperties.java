package dev.vmodb.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the virtual microservices of an application.
 */
@ConfigurationProperties("vmodb")
public class VmodbProperties {

	private final Batch batch = new Batch();

	private final Scheduler scheduler = new Scheduler();

	private final Checkpoint checkpoint = new Checkpoint();

	private final H2 h2 = new H2();

	/**
	 * Per-VMS settings, by VMS name.
	 */
	private final Map<String, Vms> vms = new LinkedHashMap<>();

	public Batch getBatch() {
		return this.batch;
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

	public Map<String, Vms> getVms() {
		return this.vms;
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
		private String directory;

		public String getDirectory() {
			return this.directory;
		}

		public void setDirectory(String directory) {
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
