package dev.vmodb.samples.marketplace.driver.report;

/**
 * The final figures of one transaction type (or of all: {@code total}) over the measured window. Latencies are those
 * of the committed transactions, submit to answer, in milliseconds.
 *
 * @param type the type's label, or {@code total}
 * @param committed answered 2xx
 * @param aborted answered 409
 * @param unknown answered otherwise or not at all
 * @param throughput committed per second of the measured duration
 * @param avgMs the mean latency
 * @param p50Ms the median latency
 * @param p90Ms the 90th percentile
 * @param p99Ms the 99th percentile
 * @param maxMs the largest latency
 */
public record TypeFigures(String type, long committed, long aborted, long unknown, double throughput, double avgMs,
		double p50Ms, double p90Ms, double p99Ms, double maxMs) {

	static TypeFigures of(String type, long committed, long aborted, long unknown, double seconds,
			LatencyStatistics latencies) {
		return new TypeFigures(type, committed, aborted, unknown, committed / seconds, latencies.meanMillis(),
				latencies.percentileMillis(50), latencies.percentileMillis(90), latencies.percentileMillis(99),
				latencies.maxMillis());
	}

}
