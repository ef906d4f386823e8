package dev.vmodb.samples.marketplace.driver.report;

import java.util.Arrays;

/**
 * The latencies of the commits since the progress line last looked: it takes them and starts over.
 */
final class LastSecond {

	private long[] latencies = new long[1024];

	private int size;

	synchronized void add(long latency) {
		if (this.size == this.latencies.length) {
			this.latencies = Arrays.copyOf(this.latencies, this.size * 2);
		}
		this.latencies[this.size++] = latency;
	}

	synchronized Figures take() {
		LatencyStatistics statistics = new LatencyStatistics(Arrays.copyOf(this.latencies, this.size));
		this.size = 0;
		return new Figures(statistics.count(), statistics.percentileMillis(99));
	}

	/** Commits since the last look and their 99th percentile in milliseconds. */
	public record Figures(int committed, double p99Ms) {
	}

}
