package dev.vmodb.samples.marketplace.driver.report;

import java.util.Arrays;

/**
 * Average, percentiles and maximum of a set of latencies, exact: the latencies are sorted once.
 */
public final class LatencyStatistics {

	private static final double NANOS_PER_MILLI = 1_000_000.0;

	private final long[] sorted;

	private final double mean;

	/**
	 * @param latencies in nanoseconds; the array is sorted in place
	 */
	public LatencyStatistics(long[] latencies) {
		Arrays.sort(latencies);
		this.sorted = latencies;
		this.mean = (latencies.length == 0) ? 0 : Arrays.stream(latencies).average().orElse(0);
	}

	public int count() {
		return this.sorted.length;
	}

	/** The mean in milliseconds, 0 when empty. */
	public double meanMillis() {
		return this.mean / NANOS_PER_MILLI;
	}

	/**
	 * The nearest-rank percentile: the smallest latency that at least {@code percent} % of the latencies do not
	 * exceed.
	 * @param percent in (0, 100]
	 * @return the percentile in milliseconds, 0 when empty
	 */
	public double percentileMillis(double percent) {
		if (percent <= 0 || percent > 100) {
			throw new IllegalArgumentException("percentile must be in (0, 100], not " + percent);
		}
		if (this.sorted.length == 0) {
			return 0;
		}
		// less a hair, so that 99.9 % of 1,000 is rank 999 and not 1,000 by a rounding error
		int rank = (int) Math.ceil(percent / 100.0 * this.sorted.length - 1e-9);
		return this.sorted[Math.max(rank, 1) - 1] / NANOS_PER_MILLI;
	}

	/** The largest latency in milliseconds, 0 when empty. */
	public double maxMillis() {
		return (this.sorted.length == 0) ? 0 : this.sorted[this.sorted.length - 1] / NANOS_PER_MILLI;
	}

}
