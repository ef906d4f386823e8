package dev.vmodb.autoconfigure.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of vMODB's Micrometer meters.
 */
@ConfigurationProperties("vmodb.metrics")
public class VmodbMetricsProperties {

	private final Transactions transactions = new Transactions();

	public Transactions getTransactions() {
		return this.transactions;
	}

	/**
	 * The {@code vmodb.transactions} timer.
	 */
	public static class Transactions {

		/**
		 * Whether to publish a percentile histogram (aggregatable buckets) of the submit-to-outcome latency. On by
		 * default: it is the meter latency objectives are set on, and a percentile across instances can only be
		 * computed from buckets.
		 */
		private boolean percentilesHistogram = true;

		public boolean isPercentilesHistogram() {
			return this.percentilesHistogram;
		}

		public void setPercentilesHistogram(boolean percentilesHistogram) {
			this.percentilesHistogram = percentilesHistogram;
		}

	}

}
