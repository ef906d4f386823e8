package dev.vmodb.samples.marketplace.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchSettingsTests {

	@Test
	void defaultsToBothShopsBothMixesAndTheSweep() {
		BenchSettings settings = BenchApplication.settings();

		assertThat(settings.shops()).containsExactly(Shop.VMODB, Shop.BASELINE);
		assertThat(settings.mixes()).extracting((mix) -> mix.name()).containsExactly("sigmod", "vmodb-local");
		assertThat(settings.sweep()).containsExactly(1, 8, 32, 128, 512);
		assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(40));
		assertThat(settings.projectDirectory()).isEqualTo(Path.of("").toAbsolutePath());
		assertThat(settings.shopJvmOptionList()).containsExactly("-Xms2g", "-Xmx2g", "-XX:TieredStopAtLevel=1");
	}

	@Test
	void bindsTheCommandLineAndOrdersTheSweep() {
		BenchSettings settings = BenchApplication.settings("--bench.shops=baseline", "--bench.mixes=vmodb-local",
				"--bench.sweep=32,1,8,8", "--bench.duration=20s", "--bench.shop-jvm-options=  -Xmx1g   -XX:+UseSerialGC ");

		assertThat(settings.shops()).containsExactly(Shop.BASELINE);
		assertThat(settings.sweep()).containsExactly(1, 8, 32);
		assertThat(settings.shopJvmOptionList()).containsExactly("-Xmx1g", "-XX:+UseSerialGC");
		assertThat(BenchApplication.settings("--bench.sweep=").sweep()).isEmpty();
	}

	@Test
	void refusesBadSettingsNamingTheProperty() {
		assertThatThrownBy(() -> settings(0, List.of(1))).hasMessageContaining("bench.in-flight");
		assertThatThrownBy(() -> settings(64, List.of(0, 8))).hasMessageContaining("bench.sweep");
		assertThatThrownBy(() -> BenchApplication.settings("--bench.mixes=fast")).isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> BenchApplication.settings("--bench.shops=vmodb,vmodb"))
			.isInstanceOf(RuntimeException.class);
	}

	private static BenchSettings settings(int inFlight, List<Integer> sweep) {
		BenchSettings defaults = BenchFixtures.settings(List.of(Shop.VMODB), List.of(1));
		return new BenchSettings(defaults.shops(), defaults.mixes(), defaults.duration(), defaults.warmUp(), inFlight,
				defaults.keys(), sweep, defaults.sweepMix(), defaults.sweepDuration(), defaults.sweepWarmUp(),
				defaults.capacityDuration(), defaults.shopJvmOptions(), defaults.shopStartTimeout(), null,
				defaults.output());
	}

}
