package dev.vmodb.samples.marketplace.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.vmodb.samples.marketplace.driver.KeyDistribution;
import dev.vmodb.samples.marketplace.driver.Mix;

/**
 * The bench's settings ({@code bench.*}); a bad value fails the start with a message naming the property.
 *
 * @param shops the shops to run, in order
 * @param mixes the mixes every shop runs at {@code inFlight} for {@code duration}
 * @param duration the measured part of each mix's run
 * @param warmUp the warm-up before each mix's measured part
 * @param inFlight the transactions in flight in each mix's run
 * @param keys how the driver chooses sellers and products
 * @param sweep the in-flight counts of the scaling sweep, empty for none
 * @param sweepMix the mix of the sweep
 * @param sweepDuration the measured part of each sweep point
 * @param sweepWarmUp the warm-up before each sweep point
 * @param capacityDuration how long each raw capacity (log and H2) is measured, after a warm-up half as long
 * @param shopJvmOptions the options of every shop's JVM, the same for both shops
 * @param shopStartTimeout how long a shop may take to start and load its data set
 * @param projectDirectory the project's root, where the shops' modules are built; the working directory when unset
 * @param output the directory for the table, the chart, each run's driver report and each shop's log
 */
@ConfigurationProperties("bench")
public record BenchSettings(@DefaultValue("vmodb,baseline") List<Shop> shops,
		@DefaultValue("sigmod,vmodb-local") List<Mix> mixes, @DefaultValue("40s") Duration duration,
		@DefaultValue("5s") Duration warmUp, @DefaultValue("64") int inFlight,
		@DefaultValue("uniform") KeyDistribution keys, @DefaultValue("1,8,32,128,512") List<Integer> sweep,
		@DefaultValue(Mix.VMODB_LOCAL) Mix sweepMix, @DefaultValue("15s") Duration sweepDuration,
		@DefaultValue("3s") Duration sweepWarmUp, @DefaultValue("4s") Duration capacityDuration,
		@DefaultValue(DEFAULT_SHOP_JVM_OPTIONS) String shopJvmOptions, @DefaultValue("5m") Duration shopStartTimeout,
		Path projectDirectory, @DefaultValue("target/marketplace-bench") Path output) {

	/**
	 * A fixed heap, so neither shop's figures depend on how its heap grew, and the JIT tier {@code spring-boot:run}
	 * uses: on 2 cores C2's compiling costs more than it gains within minutes (see docs/benchmarks.md).
	 */
	static final String DEFAULT_SHOP_JVM_OPTIONS = "-Xms2g -Xmx2g -XX:TieredStopAtLevel=1";

	public BenchSettings {
		require(!shops.isEmpty() && shops.stream().distinct().count() == shops.size(),
				"bench.shops must name each shop at most once (vmodb, baseline), not " + shops);
		require(!mixes.isEmpty(), "bench.mixes must name at least one mix (sigmod, vmodb-local)");
		require(positive(duration), "bench.duration must be positive, not " + duration);
		require(!warmUp.isNegative(), "bench.warm-up must not be negative, not " + warmUp);
		require(inFlight >= 1 && inFlight <= 10_000, "bench.in-flight must be between 1 and 10000, not " + inFlight);
		require(sweep.stream().allMatch((level) -> level >= 1 && level <= 10_000),
				"bench.sweep's in-flight counts must be between 1 and 10000, not " + sweep);
		require(positive(sweepDuration), "bench.sweep-duration must be positive, not " + sweepDuration);
		require(!sweepWarmUp.isNegative(), "bench.sweep-warm-up must not be negative, not " + sweepWarmUp);
		require(positive(capacityDuration), "bench.capacity-duration must be positive, not " + capacityDuration);
		require(positive(shopStartTimeout), "bench.shop-start-timeout must be positive, not " + shopStartTimeout);
		sweep = sweep.stream().distinct().sorted().toList();
		// not a default value: Spring would read "." as a class path resource, the bench's own classes
		projectDirectory = (projectDirectory != null) ? projectDirectory : Path.of("").toAbsolutePath();
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/** The settings by property name, as the JSON figures show them. */
	Map<String, Object> byPropertyName() {
		Map<String, Object> byName = new LinkedHashMap<>();
		byName.put("bench.shops", this.shops.stream().map(Shop::label).toList());
		byName.put("bench.mixes", this.mixes.stream().map(Mix::name).toList());
		byName.put("bench.duration", this.duration.toString());
		byName.put("bench.warm-up", this.warmUp.toString());
		byName.put("bench.in-flight", this.inFlight);
		byName.put("bench.keys", this.keys.name().toLowerCase(Locale.ROOT));
		byName.put("bench.sweep", this.sweep);
		byName.put("bench.sweep-mix", this.sweepMix.name());
		byName.put("bench.sweep-duration", this.sweepDuration.toString());
		byName.put("bench.sweep-warm-up", this.sweepWarmUp.toString());
		byName.put("bench.capacity-duration", this.capacityDuration.toString());
		byName.put("bench.shop-jvm-options", this.shopJvmOptions);
		return byName;
	}

	/** The shop JVM's options, one per element. */
	List<String> shopJvmOptionList() {
		String trimmed = this.shopJvmOptions.trim();
		return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
	}

}
