package dev.vmodb.samples.marketplace.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResourceSamplerTests {

	private final long[] times = { 100, 200, 400 };

	private final double[] cpu = { 10, 20, 60 };

	@Test
	void interpolatesBetweenTheSamplesAroundATime() {
		assertThat(ResourceSampler.at(this.times, this.cpu, 150)).isCloseTo(15, within(1e-9));
		assertThat(ResourceSampler.at(this.times, this.cpu, 300)).isCloseTo(40, within(1e-9));
		assertThat(ResourceSampler.at(this.times, this.cpu, 200)).isCloseTo(20, within(1e-9));
	}

	@Test
	void holdsTheFirstAndLastSampleOutsideTheSampledTime() {
		assertThat(ResourceSampler.at(this.times, this.cpu, 0)).isEqualTo(10);
		assertThat(ResourceSampler.at(this.times, this.cpu, 1_000)).isEqualTo(60);
	}

	@Test
	void cutsAGrowingCounterToAWindow() {
		assertThat(ResourceSampler.between(this.times, this.cpu, 150, 300)).isCloseTo(25, within(1e-9));
		assertThat(ResourceSampler.between(this.times, this.cpu, 0, 1_000)).isCloseTo(50, within(1e-9));
	}

}
