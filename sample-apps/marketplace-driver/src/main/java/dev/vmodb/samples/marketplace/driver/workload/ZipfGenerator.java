package dev.vmodb.samples.marketplace.driver.workload;

import java.util.random.RandomGenerator;

/**
 * Zipfian choice over {@code [0, n)}: index {@code i} has probability proportional to {@code 1 / (i + 1)^theta}, so
 * index 0 is the most frequent. The rejection-free method of Gray et al., "Quickly generating billion-record
 * synthetic databases" (SIGMOD 1994), as YCSB uses it: one uniform draw per key, after computing the harmonic sum
 * {@code zeta(n, theta)} once.
 */
public final class ZipfGenerator implements KeyChooser {

	private final int n;

	private final double zetaN;

	private final double alpha;

	private final double eta;

	private final double halfPowTheta;

	/**
	 * @param n how many keys, at least 1
	 * @param theta the skew in [0, 1): 0 is uniform, 0.99 is YCSB's default
	 */
	public ZipfGenerator(int n, double theta) {
		if (n < 1) {
			throw new IllegalArgumentException("need at least one key, not " + n);
		}
		if (theta < 0 || theta >= 1) {
			throw new IllegalArgumentException("theta must be in [0, 1), not " + theta);
		}
		this.n = n;
		this.zetaN = zeta(n, theta);
		this.alpha = 1 / (1 - theta);
		this.halfPowTheta = Math.pow(0.5, theta);
		// with one or two keys the first two branches of next() always decide, and eta would be 0/0
		this.eta = (n <= 2) ? 0 : (1 - Math.pow(2.0 / n, 1 - theta)) / (1 - zeta(2, theta) / this.zetaN);
	}

	@Override
	public int next(RandomGenerator random) {
		double u = random.nextDouble();
		double uz = u * this.zetaN;
		if (uz < 1) {
			return 0;
		}
		if (uz < 1 + this.halfPowTheta) {
			return Math.min(1, this.n - 1);
		}
		int index = (int) (this.n * Math.pow(this.eta * u - this.eta + 1, this.alpha));
		return Math.min(Math.max(index, 0), this.n - 1);
	}

	private static double zeta(int n, double theta) {
		double sum = 0;
		for (int i = 1; i <= n; i++) {
			sum += 1 / Math.pow(i, theta);
		}
		return sum;
	}

}
