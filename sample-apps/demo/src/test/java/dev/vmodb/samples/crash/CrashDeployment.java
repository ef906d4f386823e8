package dev.vmodb.samples.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The three processes of the crash test on 127.0.0.1: the broker, process A (accounts and the coordinator) and
 * process B (ledger and audit). Each keeps its directories and port across restarts, so a restarted process finds
 * what its predecessor left: the broker its log, a VMS its H2 database.
 *
 * <p>Every child is killed when the deployment closes and, should the test JVM exit without closing it, by a
 * shutdown hook; a child whose test JVM vanished without either halts by itself (see {@link ParentLink}).
 */
final class CrashDeployment implements AutoCloseable {

	static final String APPLICATION_NAME = "crash";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-Dspring.main.banner-mode=off");

	private final Path directory;

	private final int port;

	private final Map<ProcessKind, ChildProcess> children = new EnumMap<>(ProcessKind.class);

	private final Map<ProcessKind, Integer> incarnations = new EnumMap<>(ProcessKind.class);

	/** Every child ever started, for the shutdown hook and the logs. */
	private final List<ChildProcess> started = new ArrayList<>();

	private final Thread shutdownHook = new Thread(this::killAll, "crash-test-children-killer");

	/**
	 * @param directory where the broker's log, the databases and the children's logs go
	 * @param port the broker's port
	 */
	CrashDeployment(Path directory, int port) {
		this.directory = directory;
		this.port = port;
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Where the VMSs of one application process keep their H2 files. */
	Path databases(ProcessKind kind) {
		return this.directory.resolve("h2-" + kind.label());
	}

	/**
	 * Starts the broker, then B, then A. One after the other: two applications creating the log's topics at once on
	 * a fresh broker can fail (the second one's describe finds a topic the first just created unknown to the broker
	 * yet: UnknownTopicOrPartitionException from TopicProvisioner.check), which is not what this test is about.
	 */
	void start() {
		for (ProcessKind kind : List.of(ProcessKind.BROKER, ProcessKind.VMS_PROCESS, ProcessKind.COORDINATOR_HOLDER)) {
			launch(kind);
			awaitReady(kind);
		}
	}

	/**
	 * Kills one process with SIGKILL and starts it again on the same directories and port.
	 * @param kind which process
	 * @return when it was killed, relaunched and ready, in {@link System#nanoTime()}
	 */
	Restart killAndRestart(ProcessKind kind) {
		ChildProcess victim = this.children.get(kind);
		long killedAt = System.nanoTime();
		victim.kill();
		if (victim.isAlive()) {
			throw new CrashTestException("Could not kill " + victim.name() + " (pid " + victim.pid() + ")", tails());
		}
		long launchedAt = System.nanoTime();
		launch(kind);
		awaitReady(kind);
		return new Restart(kind, killedAt, launchedAt, System.nanoTime());
	}

	/**
	 * Stops both application processes once their VMSs have applied a batch's commit, so their databases hold the
	 * committed state up to it; then stops the broker.
	 * @param batch the last batch the driver saw committed
	 * @return the last words of each application process (what it had committed and checkpointed)
	 */
	List<String> drain(long batch) {
		List<ProcessKind> apps = List.of(ProcessKind.COORDINATOR_HOLDER, ProcessKind.VMS_PROCESS);
		apps.forEach(kind -> this.children.get(kind).send("drain " + batch + " 30000"));
		List<String> stopped = new ArrayList<>();
		for (ProcessKind kind : apps) {
			ChildProcess app = this.children.get(kind);
			String line = app.awaitLine(ParentLink.STOPPED, Duration.ofSeconds(90));
			if (line == null || app.awaitExit(Duration.ofSeconds(30)) == null) {
				throw new CrashTestException(app.name() + " did not stop after draining batch " + batch, tails());
			}
			stopped.add(kind.label() + ": " + line.substring(ParentLink.MARK.length()));
		}
		ChildProcess broker = this.children.get(ProcessKind.BROKER);
		broker.send("stop");
		if (broker.awaitExit(Duration.ofSeconds(30)) == null) {
			broker.kill();
		}
		return stopped;
	}

	private void launch(ProcessKind kind) {
		int incarnation = this.incarnations.merge(kind, 1, Integer::sum);
		Path log = this.directory.resolve("logs").resolve(kind.label() + "-" + incarnation + ".log");
		String name = kind.label() + " #" + incarnation;
		ChildProcess child = switch (kind) {
			case BROKER -> ChildProcess.start(name, log, JVM_OPTIONS, BrokerProcess.class,
					List.of(this.directory.resolve("kafka").toString(), String.valueOf(this.port)));
			case COORDINATOR_HOLDER -> ChildProcess.start(name, log, JVM_OPTIONS, AppProcess.class,
					appArguments("accounts", kind, "vmodb.coordinator.expected-vms=ledger,audit"));
			case VMS_PROCESS -> ChildProcess.start(name, log, JVM_OPTIONS, AppProcess.class,
					appArguments("ledger-audit", kind, "vmodb.coordinator.enabled=false"));
		};
		this.children.put(kind, child);
		synchronized (this.started) {
			this.started.add(child);
		}
	}

	private List<String> appArguments(String application, ProcessKind kind, String role) {
		return List.of(application, "--vmodb.application-name=" + APPLICATION_NAME,
				"--vmodb.kafka.bootstrap-servers=" + bootstrapServers(), "--vmodb.h2.directory=" + databases(kind),
				"--vmodb.input-events=open_account,deposit,transfer,freeze_ledger_account", "--" + role,
				"--logging.level.org.apache.kafka=warn", "--logging.level.kafka=warn",
				"--logging.level.org.hibernate=warn");
	}

	private void awaitReady(ProcessKind kind) {
		ChildProcess child = this.children.get(kind);
		if (child.awaitLine(ParentLink.READY, START_TIMEOUT) == null) {
			throw new CrashTestException(child.name() + (child.isAlive() ? " was not ready within " + START_TIMEOUT
					: " exited before it was ready"), child.tail(80));
		}
	}

	/**
	 * The end of the current log of every process, for failure messages.
	 * @return the tails
	 */
	String tails() {
		StringBuilder tails = new StringBuilder();
		this.children.values().forEach(child -> tails.append(child.tail(40)));
		return tails.toString();
	}

	/**
	 * The log files of every child started, in start order.
	 * @return the files
	 */
	List<Path> logs() {
		synchronized (this.started) {
			return this.started.stream().map(ChildProcess::log).toList();
		}
	}

	private void killAll() {
		synchronized (this.started) {
			this.started.stream().filter(ChildProcess::isAlive).forEach(ChildProcess::kill);
		}
	}

	@Override
	public void close() {
		killAll();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is exiting: the hook runs anyway
		}
	}

	/**
	 * One kill and restart.
	 * @param kind the process
	 * @param killedAt when SIGKILL was sent
	 * @param launchedAt when the new process was started (after the old one was gone)
	 * @param readyAt when the new process said it was ready
	 */
	record Restart(ProcessKind kind, long killedAt, long launchedAt, long readyAt) {

		long readyMillis() {
			return (this.readyAt - this.launchedAt) / 1_000_000;
		}

	}

}
