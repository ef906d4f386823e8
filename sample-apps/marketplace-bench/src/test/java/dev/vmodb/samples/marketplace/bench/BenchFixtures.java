package dev.vmodb.samples.marketplace.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vmodb.benchmarks.H2Capacity;
import dev.vmodb.benchmarks.KafkaCapacity;
import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.driver.KeyDistribution;
import dev.vmodb.samples.marketplace.driver.Mix;
import dev.vmodb.samples.marketplace.driver.report.AuditSummary;
import dev.vmodb.samples.marketplace.driver.report.RunReport;
import dev.vmodb.samples.marketplace.driver.report.TypeFigures;

/** Made-up bench results with round figures, for the table and page tests. */
final class BenchFixtures {

	private BenchFixtures() {
	}

	static BenchSettings settings(List<Shop> shops, List<Integer> sweep) {
		return new BenchSettings(shops, List.of(Mix.of("sigmod"), Mix.of("vmodb-local")), Duration.ofSeconds(10),
				Duration.ofSeconds(2), 64, KeyDistribution.UNIFORM, sweep, Mix.of("vmodb-local"), Duration.ofSeconds(5),
				Duration.ofSeconds(1), Duration.ofSeconds(2), BenchSettings.DEFAULT_SHOP_JVM_OPTIONS,
				Duration.ofMinutes(1), null, java.nio.file.Path.of("target/test-bench"));
	}

	/**
	 * A run whose checkouts and add-to-carts commit at the given rate (tx/s), over 10 s, with 5 CPU seconds, 100 MB
	 * allocated and 1 MB logged in 2,000 records.
	 */
	static RunResult run(Shop shop, String mix, int inFlight, boolean sweep, double checkoutsPerSecond,
			long violations) {
		TypeFigures checkout = figures("checkout", checkoutsPerSecond, 100);
		TypeFigures cart = figures("add_to_cart", 4 * checkoutsPerSecond, 50);
		TypeFigures total = figures("total", 5 * checkoutsPerSecond, 60);
		AuditSummary audit = AuditSummary.of(new dev.vmodb.samples.marketplace.audit.AuditReport(
				List.of(new CriterionResult("Aborted checkouts leave no trace", 100, violations, List.of(), null, null))));
		RunReport report = new RunReport(Map.of(), "2026-11-21T00:00:00Z", 2, 10, List.of(checkout, cart), total,
				Map.of(), List.of(), audit);
		ResourceSampler.Usage usage = new ResourceSampler.Usage(5, 100L << 20, 512L << 20, 40,
				new LogMeter.LogVolume(1_000_000, 2_000));
		return new RunResult(shop, mix, inFlight, sweep, report, usage);
	}

	private static TypeFigures figures(String type, double throughput, double p50) {
		return new TypeFigures(type, Math.round(throughput * 10), 1, 0, throughput, p50, p50, 2 * p50, 4 * p50,
				5 * p50);
	}

	static BenchResult.LogCapacity logCapacity(String mix, double produceMegabytesPerSecond,
			double consumeMegabytesPerSecond) {
		return new BenchResult.LogCapacity(mix, 500,
				new KafkaCapacity.Throughput(500, rate(produceMegabytesPerSecond), rate(consumeMegabytesPerSecond)));
	}

	private static KafkaCapacity.Rate rate(double megabytesPerSecond) {
		long bytes = Math.round(megabytesPerSecond * 1e6);
		return new KafkaCapacity.Rate(bytes / 500, bytes, 1);
	}

	static BenchResult result(BenchSettings settings, List<RunResult> runs, List<BenchResult.LogCapacity> capacities) {
		return new BenchResult(new BenchResult.Machine(2, "17", "Linux amd64", "2026-11-21T00:00:00Z", 100, 1, 2),
				settings, runs, capacities, new H2Capacity.Figures(400_000, 200_000));
	}

}
