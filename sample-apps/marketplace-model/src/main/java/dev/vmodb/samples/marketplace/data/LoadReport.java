package dev.vmodb.samples.marketplace.data;

import java.time.Duration;

/**
 * What a load did: transactions committed and aborted, how long it took, and the first abort's message if any.
 */
public record LoadReport(long committed, long aborted, Duration took, String firstFailure) {

	public static LoadReport skipped() {
		return new LoadReport(0, 0, Duration.ZERO, null);
	}

	public double perSecond() {
		return this.committed / Math.max(0.001, this.took.toNanos() / 1e9);
	}

}
