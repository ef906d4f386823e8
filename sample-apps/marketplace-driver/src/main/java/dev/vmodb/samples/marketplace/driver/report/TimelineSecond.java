package dev.vmodb.samples.marketplace.driver.report;

import java.util.Map;

/**
 * One second of the run: the commits answered in it and their latency, per type and in all.
 *
 * @param second the second from the start of the run (warm-up included)
 * @param warmUp whether it lies in the warm-up
 * @param committed commits of every type answered in it
 * @param types per type label: its commits and latency in this second (types with no commit are left out)
 */
public record TimelineSecond(int second, boolean warmUp, long committed, Map<String, Point> types) {

	/** A type's commits in one second and their median and 99th percentile latency in milliseconds. */
	public record Point(long committed, double p50Ms, double p99Ms) {
	}

}
