package dev.vmodb.samples.marketplace.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * One shop in a JVM of its own, started from its module's build output with the bench's JVM options, on free ports for
 * HTTP, its embedded broker and JMX (through which the bench reads its CPU time and heap). Its output goes to a log
 * file. Closing it stops the JVM.
 */
final class ShopProcess implements AutoCloseable {

	private final Shop shop;

	private final Process process;

	private final Path log;

	private final int httpPort;

	private final int brokerPort;

	private final int jmxPort;

	private JMXConnector jmx;

	private ShopProcess(Shop shop, Process process, Path log, int httpPort, int brokerPort, int jmxPort) {
		this.shop = shop;
		this.process = process;
		this.log = log;
		this.httpPort = httpPort;
		this.brokerPort = brokerPort;
		this.jmxPort = jmxPort;
	}

	/**
	 * Starts the shop's JVM; it is not yet serving when this returns (see {@link #awaitServing(Duration)}).
	 * @param shop the shop
	 * @param settings the bench's settings: the project directory, the JVM options and the output directory
	 * @return the running process
	 * @throws IllegalStateException if the shop's module is not built
	 */
	static ShopProcess start(Shop shop, BenchSettings settings) throws IOException {
		String classPath = classPath(settings.projectDirectory().resolve(shop.module()));
		int httpPort = freePort();
		int brokerPort = freePort();
		int jmxPort = freePort();
		Path workDirectory = Files.createDirectories(settings.output().resolve(shop.name().toLowerCase() + "-shop"));
		Path log = settings.output().resolve(shop.name().toLowerCase() + "-shop.log");
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(settings.shopJvmOptionList());
		// a JMX connector on loopback only, without authentication: the bench reads CPU time and heap through it
		command.addAll(List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
				"-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
				"-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.authenticate=false",
				"-Dcom.sun.management.jmxremote.ssl=false"));
		command.addAll(List.of("-cp", classPath, shop.mainClass(), "--server.port=" + httpPort,
				"--" + shop.brokerPortProperty() + "=" + brokerPort));
		Process process = new ProcessBuilder(command).directory(workDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		return new ShopProcess(shop, process, log, httpPort, brokerPort, jmxPort);
	}

	/** The module's classes and its run-time class path as its build wrote it. */
	private static String classPath(Path module) throws IOException {
		Path classes = module.resolve("target/classes");
		Path dependencies = module.resolve("target/runtime.classpath");
		if (!Files.isDirectory(classes) || !Files.isRegularFile(dependencies)) {
			throw new IllegalStateException(module + " is not built (no target/classes or target/runtime.classpath):"
					+ " run sample-apps/marketplace-bench/bench.sh, which builds both shops, or set"
					+ " bench.project-directory to the project's root");
		}
		return classes.toAbsolutePath() + java.io.File.pathSeparator
				+ Files.readString(dependencies, StandardCharsets.UTF_8).trim();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Waits until the shop's HTTP server answers at all (it may still be loading its data set: the driver waits for
	 * that), failing early if the JVM exits.
	 * @param timeout how long to wait
	 * @throws IllegalStateException if the JVM exited or the time ran out, naming the log
	 */
	void awaitServing(Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/seller/dashboard/1"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.shop.label() + " shop exited with " + this.process.exitValue()
						+ " while starting; see " + this.log);
			}
			try {
				http.send(probe, HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (ConnectException ex) {
				// not listening yet
			}
			catch (IOException ex) {
				// listening but not answering yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(this.shop.label() + " shop did not answer HTTP within " + timeout.toSeconds()
				+ " s; see " + this.log);
	}

	/**
	 * The shop JVM's platform MBeans, connected on first use (the agent is up long before the shop serves).
	 * @return the connection
	 */
	MBeanServerConnection mbeans() {
		try {
			if (this.jmx == null) {
				JMXServiceURL address = new JMXServiceURL(
						"service:jmx:rmi:///jndi/rmi://127.0.0.1:" + this.jmxPort + "/jmxrmi");
				this.jmx = JMXConnectorFactory.connect(address);
			}
			return this.jmx.getMBeanServerConnection();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot reach the JMX agent of the " + this.shop.label() + " shop", ex);
		}
	}

	Shop shop() {
		return this.shop;
	}

	String url() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.brokerPort;
	}

	Path log() {
		return this.log;
	}

	/** Stops the JVM: politely, then by force after a minute. */
	@Override
	public void close() throws InterruptedException {
		try {
			if (this.jmx != null) {
				this.jmx.close();
			}
		}
		catch (IOException ex) {
			// the JVM is going anyway
		}
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
	}

}
