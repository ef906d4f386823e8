package dev.vmodb.samples.marketplace.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.vmodb.benchmarks.H2Capacity;
import dev.vmodb.benchmarks.KafkaCapacity;
import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;
import dev.vmodb.samples.marketplace.driver.Driver;
import dev.vmodb.samples.marketplace.driver.DriverResult;
import dev.vmodb.samples.marketplace.driver.DriverSettings;
import dev.vmodb.samples.marketplace.driver.Mix;
import dev.vmodb.samples.marketplace.driver.Mode;

/**
 * The bench, top to bottom: each shop in a JVM of its own under every mix and then the sweep, one shop after the
 * other; then, with no shop running, the broker's raw capacity at the record sizes vMODB logged and H2's raw batched
 * write capacity; then the table and the files.
 *
 * <p>The raw capacities run last because they need the record sizes the vMODB runs measured; they run alone on the
 * machine, as the shops did.
 */
final class Bench {

	private static final double ZIPF_THETA = 0.99;

	private static final long SEED = 1;

	private static final double DECLINED_SHARE = 0.01;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final BenchSettings settings;

	private final PrintStream out;

	private int runNumber;

	Bench(BenchSettings settings, PrintStream out) {
		this.settings = settings;
		this.out = out;
	}

	BenchResult run() throws Exception {
		BenchSettings s = this.settings;
		Instant started = Instant.now();
		double loadBefore = loadAverage();
		this.out.printf(Locale.ROOT,
				"Bench: shops %s, mixes %s at %d in flight for %d s (+%d s warm-up), sweep %s of %s for %d s each"
						+ " (+%d s); %d cores, load average %.1f; output in %s%n",
				s.shops(), s.mixes(), s.inFlight(), s.duration().toSeconds(), s.warmUp().toSeconds(), s.sweep(),
				s.sweepMix(), s.sweepDuration().toSeconds(), s.sweepWarmUp().toSeconds(),
				Runtime.getRuntime().availableProcessors(), loadBefore, s.output().toAbsolutePath());
		List<RunResult> runs = new ArrayList<>();
		for (Shop shop : s.shops()) {
			runs.addAll(runShop(shop));
		}
		List<BenchResult.LogCapacity> logCapacities = logCapacities(runs);
		this.out.printf(Locale.ROOT, "Bench: H2's raw batched write capacity (%d s each for insert and update)%n",
				s.capacityDuration().toSeconds());
		H2Capacity.Figures h2 = H2Capacity.measure(s.capacityDuration().dividedBy(2), s.capacityDuration());
		BenchResult.Machine machine = new BenchResult.Machine(Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.arch"), started.toString(),
				Duration.between(started, Instant.now()).toMillis() / 1000.0, loadBefore, loadAverage());
		return new BenchResult(machine, s, runs, logCapacities, h2);
	}

	private List<RunResult> runShop(Shop shop) throws Exception {
		BenchSettings s = this.settings;
		this.out.printf("Bench: starting the %s shop (%s); its output goes to %s%n", shop.label(),
				String.join(" ", s.shopJvmOptionList()), s.output().resolve(shop.name().toLowerCase() + "-shop.log"));
		List<RunResult> runs = new ArrayList<>();
		try (ShopProcess process = ShopProcess.start(shop, s)) {
			process.awaitServing(s.shopStartTimeout());
			try (LogMeter log = new LogMeter(process.bootstrapServers())) {
				for (Mix mix : s.mixes()) {
					runs.add(drive(process, log, mix, s.inFlight(), s.duration(), s.warmUp(), false));
				}
				for (int inFlight : s.sweep()) {
					runs.add(drive(process, log, s.sweepMix(), inFlight, s.sweepDuration(), s.sweepWarmUp(), true));
				}
			}
		}
		return runs;
	}

	private RunResult drive(ShopProcess process, LogMeter log, Mix mix, int inFlight, Duration duration,
			Duration warmUp, boolean sweep) throws Exception {
		String name = String.format(Locale.ROOT, "%02d-%s-%s-%d", ++this.runNumber,
				process.shop().name().toLowerCase(Locale.ROOT), mix.name(), inFlight);
		this.out.printf(Locale.ROOT, "%nBench: run %d (%s shop, %s, %d in flight%s)%n", this.runNumber,
				process.shop().label(), mix, inFlight, sweep ? ", sweep" : "");
		DriverSettings driver = new DriverSettings(Mode.RUN, URI.create(process.url()), duration, warmUp, inFlight, mix,
				this.settings.keys(), ZIPF_THETA, SEED, DECLINED_SHARE, this.settings.output().resolve("runs/" + name),
				true, REQUEST_TIMEOUT, this.settings.shopStartTimeout());
		try (ResourceSampler sampler = new ResourceSampler(process.mbeans(), log).start()) {
			DriverResult result = new Driver(driver, this.out).execute();
			if (result.report() == null || result.window() == null) {
				throw new IllegalStateException("the driver could not run against the " + process.shop().label()
						+ " shop (" + result.exitCode() + "); see above and " + process.log());
			}
			ResourceSampler.Usage usage = sampler.usage(result.window().measureFrom(), result.window().measureTo());
			RunResult run = new RunResult(process.shop(), mix.name(), inFlight, sweep, result.report(), usage);
			this.out.printf(Locale.ROOT,
					"Bench: %s shop, %s, %d in flight: %,.1f committed/s, p99 %.1f ms, audit %s (%d violation%s),"
							+ " %.2f CPU ms and %,.0f KB allocated per commit, %,.0f bytes logged per commit%n",
					process.shop().label(), mix.name(), inFlight, run.throughput(), run.total().p99Ms(),
					run.auditStatus(), run.violations(), (run.violations() == 1) ? "" : "s", run.cpuMillisPerCommit(),
					run.allocatedKilobytesPerCommit(), run.loggedBytesPerCommit());
			return run;
		}
	}

	/** The broker's capacity at the mean record size of each mix's vMODB run, on a broker of the shops' kind. */
	private List<BenchResult.LogCapacity> logCapacities(List<RunResult> runs) throws Exception {
		List<RunResult> measured = runs.stream()
			.filter((run) -> run.shop() == Shop.VMODB && !run.sweep() && run.usage().logged().records() > 0)
			.toList();
		if (measured.isEmpty()) {
			return List.of();
		}
		List<BenchResult.LogCapacity> capacities = new ArrayList<>();
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults())) {
			for (RunResult run : measured) {
				int recordBytes = (int) Math.round(run.usage().logged().bytesPerRecord());
				this.out.printf(Locale.ROOT,
						"Bench: the broker's raw capacity at %,d-byte records (the mean vMODB logged under %s):"
								+ " produce, then read_committed consume, %d s%n",
						recordBytes, run.mix(), this.settings.capacityDuration().toSeconds());
				KafkaCapacity.Throughput throughput = KafkaCapacity.measure(broker.bootstrapServers(), recordBytes,
						this.settings.capacityDuration().dividedBy(2), this.settings.capacityDuration());
				capacities.add(new BenchResult.LogCapacity(run.mix(), recordBytes, throughput));
			}
		}
		return capacities;
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

}
