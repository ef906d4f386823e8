package dev.vmodb.benchmarks;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prints what the versioned store and the checkpoint flush to H2 achieve on this machine; {@code --quick} for a short run.
 */
public final class StoreBenchmark {

	/** Held so the logging configuration is not garbage-collected with its logger. */
	private static final Logger HIBERNATE_LOGGER = Logger.getLogger("org.hibernate");

	private StoreBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.from(args);
		// Hibernate's start-up banner and per-factory notices would drown the figures.
		HIBERNATE_LOGGER.setLevel(Level.WARNING);
		System.out.printf(Locale.ROOT, "vMODB store benchmark: Java %s, %d cores, max heap %d MB, H2 %s, Hibernate %s%s%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20,
				org.h2.engine.Constants.FULL_VERSION, org.hibernate.Version.getVersionString(),
				(settings == Settings.QUICK) ? " (quick run)" : "");
		MachineLoad.print("start");
		long start = System.nanoTime();
		Report report = new Report();
		System.out.println("Store operations:");
		new StoreOperations(settings, report).run();
		System.out.println("Flushes:");
		new FlushBenchmark(settings, report).run();
		report.print(settings);
		System.out.printf(Locale.ROOT, "%nTotal run time %.0f s%n", (System.nanoTime() - start) / 1e9);
		MachineLoad.print("end");
	}

}
