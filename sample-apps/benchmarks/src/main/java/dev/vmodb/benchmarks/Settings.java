package dev.vmodb.benchmarks;

import java.time.Duration;

/**
 * How long and how big the benchmark runs: the default takes one to two minutes, the quick one a few seconds.
 *
 * @param warmup time each store operation runs before it is measured
 * @param measure time each store operation is measured
 * @param storeRows rows preloaded into the store
 * @param flushWarmup time each write path runs on small in-memory flushes before any flush is measured
 * @param flushRows rows written per flush
 * @param flushes measured flushes per method, after one warm-up flush
 */
record Settings(Duration warmup, Duration measure, int storeRows, Duration flushWarmup, int flushRows, int flushes) {

	static final Settings FULL = new Settings(Duration.ofMillis(1500), Duration.ofSeconds(4), 100_000, Duration.ofSeconds(1),
			50_000, 3);

	static final Settings QUICK = new Settings(Duration.ofMillis(300), Duration.ofSeconds(1), 100_000,
			Duration.ofMillis(300), 10_000, 2);

	/**
	 * The settings chosen by {@code --quick} or {@code -Dvmodb.bench.quick=true}.
	 * @param args the program arguments
	 * @return the settings
	 */
	static Settings from(String[] args) {
		boolean quick = Boolean.getBoolean("vmodb.bench.quick");
		for (String arg : args) {
			if (arg.equals("--quick")) {
				quick = true;
			}
			else {
				throw new IllegalArgumentException("Unknown argument " + arg + "; the only one is --quick");
			}
		}
		return quick ? QUICK : FULL;
	}

}
