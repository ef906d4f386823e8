package dev.vmodb.samples.marketplace.driver.workload;

import java.util.random.RandomGenerator;

import dev.vmodb.samples.marketplace.driver.KeyDistribution;

/**
 * Chooses an index in {@code [0, n)}: which seller or product a transaction touches.
 */
public interface KeyChooser {

	/**
	 * The next index.
	 * @param random the slot's random source
	 * @return an index in {@code [0, n)}
	 */
	int next(RandomGenerator random);

	/**
	 * A chooser over {@code n} keys.
	 * @param distribution uniform or zipfian
	 * @param n how many keys, at least 1
	 * @param theta the zipfian skew in [0, 1)
	 * @return the chooser
	 */
	static KeyChooser of(KeyDistribution distribution, int n, double theta) {
		if (n < 1) {
			throw new IllegalArgumentException("need at least one key, not " + n);
		}
		return switch (distribution) {
			case UNIFORM -> (random) -> random.nextInt(n);
			case ZIPFIAN -> new ZipfGenerator(n, theta);
		};
	}

}
