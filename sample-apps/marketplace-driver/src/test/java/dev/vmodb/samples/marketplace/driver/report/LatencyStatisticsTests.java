package dev.vmodb.samples.marketplace.driver.report;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LatencyStatisticsTests {

	private static final long MS = 1_000_000;

	@Test
	void percentilesOfOneToAHundredMillisecondsAreTheirRanks() {
		// shuffled on purpose: the statistics sort
		long[] latencies = LongStream.rangeClosed(1, 100).map((i) -> ((i * 37) % 100 + 1) * MS).toArray();
		LatencyStatistics statistics = new LatencyStatistics(latencies);
		assertThat(statistics.count()).isEqualTo(100);
		assertThat(statistics.meanMillis()).isEqualTo(50.5);
		assertThat(statistics.percentileMillis(50)).isEqualTo(50);
		assertThat(statistics.percentileMillis(90)).isEqualTo(90);
		assertThat(statistics.percentileMillis(99)).isEqualTo(99);
		assertThat(statistics.percentileMillis(100)).isEqualTo(100);
		assertThat(statistics.maxMillis()).isEqualTo(100);
	}

	@Test
	void aFewSlowAnswersShowInTheTailOnly() {
		long[] latencies = new long[1000];
		java.util.Arrays.fill(latencies, 2 * MS);
		latencies[10] = 500 * MS;
		latencies[20] = 400 * MS;
		LatencyStatistics statistics = new LatencyStatistics(latencies);
		assertThat(statistics.percentileMillis(99)).isEqualTo(2);
		assertThat(statistics.percentileMillis(99.9)).isEqualTo(400);
		assertThat(statistics.maxMillis()).isEqualTo(500);
	}

	@Test
	void noLatenciesGiveZeros() {
		LatencyStatistics statistics = new LatencyStatistics(new long[0]);
		assertThat(statistics.meanMillis()).isZero();
		assertThat(statistics.percentileMillis(99)).isZero();
		assertThat(statistics.maxMillis()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> statistics.percentileMillis(0));
	}

}
