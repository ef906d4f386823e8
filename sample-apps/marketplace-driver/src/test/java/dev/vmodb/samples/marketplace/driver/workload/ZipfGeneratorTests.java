package dev.vmodb.samples.marketplace.driver.workload;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ZipfGeneratorTests {

	private static final int DRAWS = 400_000;

	@Test
	void theFirstKeyIsTheMostFrequentAndFrequenciesFallWithRank() {
		int[] counts = draw(1000, 0.99);
		for (int rank = 0; rank < 5; rank++) {
			assertThat(counts[rank]).as("rank %d against %d", rank + 1, rank + 2).isGreaterThan(counts[rank + 1]);
		}
		// p(i) is proportional to 1 / (i + 1)^theta: the first key is drawn about 2^0.99 times as often as the second
		assertThat((double) counts[0] / counts[1]).isCloseTo(Math.pow(2, 0.99), within(0.15));
		assertThat((double) counts[0] / counts[9]).isCloseTo(Math.pow(10, 0.99), within(1.0));
		// the hot ten take far more than their uniform 1 %
		int topTen = 0;
		for (int rank = 0; rank < 10; rank++) {
			topTen += counts[rank];
		}
		assertThat((double) topTen / DRAWS).isGreaterThan(0.3);
	}

	@Test
	void thetaZeroIsUniform() {
		int[] counts = draw(20, 0);
		for (int count : counts) {
			assertThat((double) count / DRAWS).isCloseTo(1.0 / 20, within(0.005));
		}
	}

	@Test
	void everyDrawIsInRangeEvenForOneOrTwoKeys() {
		assertThat(draw(1, 0.99)).containsExactly(DRAWS);
		int[] two = draw(2, 0.99);
		assertThat(two[0]).isGreaterThan(two[1]).isPositive();
		assertThat(two[1]).isPositive();
	}

	@Test
	void badParametersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ZipfGenerator(0, 0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new ZipfGenerator(10, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new ZipfGenerator(10, -0.1));
	}

	@Test
	void theSameSeedDrawsTheSameKeys() {
		ZipfGenerator zipf = new ZipfGenerator(100, 0.99);
		SplittableRandom first = new SplittableRandom(5);
		SplittableRandom second = new SplittableRandom(5);
		for (int i = 0; i < 1000; i++) {
			assertThat(zipf.next(first)).isEqualTo(zipf.next(second));
		}
	}

	private static int[] draw(int n, double theta) {
		ZipfGenerator zipf = new ZipfGenerator(n, theta);
		int[] counts = new int[n];
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < DRAWS; i++) {
			// an index out of [0, n) fails here
			counts[zipf.next(random)]++;
		}
		return counts;
	}

}
