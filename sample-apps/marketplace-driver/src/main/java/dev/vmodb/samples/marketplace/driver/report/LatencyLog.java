package dev.vmodb.samples.marketplace.driver.report;

import java.util.Arrays;

import dev.vmodb.samples.marketplace.audit.Journal.Outcome;

/**
 * Every answer of one transaction type: when it came, how long it took and how it ended. Kept whole (17 bytes an
 * answer, a few million fit easily) so that percentiles are exact and can be taken over any window afterwards.
 */
public final class LatencyLog {

	private long[] answeredAt = new long[4096];

	private long[] latency = new long[4096];

	private byte[] outcome = new byte[4096];

	private int size;

	/**
	 * Adds one answer.
	 * @param answeredAt when it came, in nanoseconds of the driver's clock
	 * @param latency submit-to-answer in nanoseconds
	 * @param outcome how it ended
	 */
	public synchronized void add(long answeredAt, long latency, Outcome outcome) {
		if (this.size == this.latency.length) {
			int grown = this.size * 2;
			this.answeredAt = Arrays.copyOf(this.answeredAt, grown);
			this.latency = Arrays.copyOf(this.latency, grown);
			this.outcome = Arrays.copyOf(this.outcome, grown);
		}
		this.answeredAt[this.size] = answeredAt;
		this.latency[this.size] = latency;
		this.outcome[this.size] = (byte) outcome.ordinal();
		this.size++;
	}

	/** A copy of the answers so far. */
	public synchronized Entries entries() {
		return new Entries(Arrays.copyOf(this.answeredAt, this.size), Arrays.copyOf(this.latency, this.size),
				Arrays.copyOf(this.outcome, this.size));
	}

	/** The answers as parallel arrays; index {@code i} is one answer. */
	public record Entries(long[] answeredAt, long[] latency, byte[] outcome) {

		public int size() {
			return this.latency.length;
		}

		public Outcome outcome(int index) {
			return Outcome.values()[this.outcome[index]];
		}

	}

}
