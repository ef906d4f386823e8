package dev.vmodb.samples.marketplace.driver;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.vmodb.samples.marketplace.audit.Audit;
import dev.vmodb.samples.marketplace.audit.AuditReport;
import dev.vmodb.samples.marketplace.audit.Journal;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot;
import dev.vmodb.samples.marketplace.driver.report.AuditPrinter;
import dev.vmodb.samples.marketplace.driver.report.AuditSummary;
import dev.vmodb.samples.marketplace.driver.report.LatencyLog;
import dev.vmodb.samples.marketplace.driver.report.Measurements;
import dev.vmodb.samples.marketplace.driver.report.ProgressLine;
import dev.vmodb.samples.marketplace.driver.report.ReportFiles;
import dev.vmodb.samples.marketplace.driver.report.ReportTable;
import dev.vmodb.samples.marketplace.driver.report.RunFigures;
import dev.vmodb.samples.marketplace.driver.report.RunReport;
import dev.vmodb.samples.marketplace.driver.report.RunWindow;
import dev.vmodb.samples.marketplace.driver.shop.ShopClient;
import dev.vmodb.samples.marketplace.driver.shop.ShopUnavailableException;
import dev.vmodb.samples.marketplace.driver.shop.SnapshotReader;
import dev.vmodb.samples.marketplace.driver.workload.Catalogue;
import dev.vmodb.samples.marketplace.driver.workload.ClosedLoop;
import dev.vmodb.samples.marketplace.driver.workload.RunJournal;
import dev.vmodb.samples.marketplace.driver.workload.Workload;

/**
 * One driver run, top to bottom: wait for the shop and read its state, run the closed loop for the warm-up and the
 * measured window, drain, report, and audit the run against the state after it. Or, in audit mode, audit the shop's
 * state alone.
 */
public final class Driver {

	private final DriverSettings settings;

	private final PrintStream out;

	private final HttpClient http;

	public Driver(DriverSettings settings, PrintStream out) {
		this.settings = settings;
		this.out = out;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** Runs the configured mode and answers with its exit code. */
	public ExitCode run() {
		return execute().exitCode();
	}

	/** Runs the configured mode and answers with what it produced. */
	public DriverResult execute() {
		try {
			return (this.settings.mode() == Mode.AUDIT) ? auditState() : runWorkload();
		}
		catch (ShopUnavailableException ex) {
			this.out.println("Driver: " + ex.getMessage());
			return DriverResult.failed();
		}
	}

	private DriverResult auditState() {
		this.out.println("Driver: auditing the state of the shop at " + this.settings.baseUrl());
		ShopSnapshot state = snapshots().read(OptionalLong.empty());
		AuditSummary audit = audit(() -> Audit.state(state));
		this.out.print(AuditPrinter.format(audit));
		return new DriverResult(exitCode(audit), null, null);
	}

	private DriverResult runWorkload() {
		DriverSettings s = this.settings;
		this.out.printf(Locale.ROOT, "Driver: %s against %s, %d in flight, %s keys%s, %d s after a %d s warm-up%n",
				s.mix(), s.baseUrl(), s.inFlight(), s.keys().name().toLowerCase(Locale.ROOT),
				(s.keys() == KeyDistribution.ZIPFIAN) ? " (theta " + s.zipfTheta() + ")" : "", s.duration().toSeconds(),
				s.warmUp().toSeconds());
		ShopSnapshot before = snapshots().read(OptionalLong.empty());
		Catalogue catalogue = Catalogue.of(before, s.keys(), s.zipfTheta());
		this.out.printf(Locale.ROOT, "Driver: the shop has %,d sellers, %,d products and %,d customers (state at TID %d)%n",
				catalogue.sellerCount(), catalogue.productCount(), catalogue.customerCount(), before.tid());

		Measurements measurements = new Measurements(this.out);
		RunJournal journal = new RunJournal();
		ShopClient shop = new ShopClient(this.http, s.baseUrl(), s.requestTimeout());
		ExecutorService loopThreads = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
				daemonThreads("driver-loop"));
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("driver-progress"));
		ClosedLoop loop = new ClosedLoop(new Workload(shop, catalogue, measurements, journal, s.declinedShare()), s.mix(),
				measurements, loopThreads);
		Instant started = Instant.now();
		long start = System.nanoTime();
		RunWindow window = new RunWindow(start, start + s.warmUp().toNanos(), start + s.warmUp().plus(s.duration()).toNanos());
		Thread interrupted = new Thread(() -> printSoFar(loop, measurements, window), "driver-interrupted");
		Runtime.getRuntime().addShutdownHook(interrupted);
		boolean drained;
		try {
			ProgressLine progress = new ProgressLine(measurements, window, shop::outstanding, this.out);
			ticker.scheduleAtFixedRate(progress, 1, 1, TimeUnit.SECONDS);
			CompletableFuture<Void> finished = loop.start(s.inFlight(), s.seed());
			sleepUntil(window.measureTo());
			loop.stop();
			drained = await(finished, drainTimeout());
			ticker.shutdownNow();
			progress.run();
		}
		finally {
			ticker.shutdownNow();
			loopThreads.shutdownNow();
			removeHook(interrupted);
		}

		RunFigures figures = RunFigures.of(answers(measurements), window);
		this.out.println();
		this.out.print(ReportTable.format(figures.types(), figures.total()));
		printErrors(measurements);
		AuditSummary audit = auditRun(before, journal.journal(), measurements.highestTid(), drained);
		this.out.print(AuditPrinter.format(audit));
		RunReport report = new RunReport(settingsByName(), started.toString(), window.warmUpSeconds(),
				window.measuredSeconds(), figures.types(), figures.total(), measurements.errors(), figures.timeline(),
				audit);
		ReportFiles files = ReportFiles.write(report, s.output());
		this.out.println("Driver: report written to " + files.json() + " and " + files.html());
		ExitCode exitCode = drained ? exitCode(audit) : ExitCode.FAILED;
		return new DriverResult(exitCode, report, files);
	}

	private AuditSummary auditRun(ShopSnapshot before, Journal journal, long highestTid, boolean drained) {
		if (!this.settings.audit()) {
			return AuditSummary.off("driver.audit=false");
		}
		if (!drained) {
			return AuditSummary.failed("requests still in flight after " + drainTimeout().toSeconds()
					+ " s: the state after the run is not quiescent");
		}
		ShopSnapshot after = snapshots().read((highestTid >= 0) ? OptionalLong.of(highestTid) : OptionalLong.empty());
		this.out.printf(Locale.ROOT, "Driver: auditing %,d checkouts, %,d price changes, %,d dashboards (state at TID %d)%n",
				journal.checkouts().size(), journal.priceChanges().size(), journal.dashboards().size(), after.tid());
		return audit(() -> Audit.run(before, after, journal));
	}

	private AuditSummary audit(Supplier<AuditReport> audit) {
		try {
			return AuditSummary.of(audit.get());
		}
		catch (RuntimeException ex) {
			return AuditSummary.failed("the audit could not run: " + ex);
		}
	}

	private static ExitCode exitCode(AuditSummary audit) {
		return switch (audit.status()) {
			case "passed", "off" -> ExitCode.OK;
			case "violated" -> ExitCode.VIOLATED;
			default -> ExitCode.FAILED;
		};
	}

	private SnapshotReader snapshots() {
		return new SnapshotReader(this.http, this.settings.baseUrl(), this.settings.waitForShop(), this.out);
	}

	/** A checkout in flight may still have a cart to fill: allow it a few request time-outs. */
	private Duration drainTimeout() {
		return this.settings.requestTimeout().multipliedBy(3);
	}

	private static Map<TransactionType, LatencyLog.Entries> answers(Measurements measurements) {
		Map<TransactionType, LatencyLog.Entries> answers = new EnumMap<>(TransactionType.class);
		for (TransactionType type : TransactionType.values()) {
			answers.put(type, measurements.entries(type));
		}
		return answers;
	}

	private void printErrors(Measurements measurements) {
		Map<String, Long> errors = measurements.errors();
		if (!errors.isEmpty()) {
			this.out.println("Errors:");
			errors.forEach((kind, count) -> this.out.printf(Locale.ROOT, "  %s: %,d%n", kind, count));
		}
	}

	private Map<String, Object> settingsByName() {
		DriverSettings s = this.settings;
		Map<String, Object> byName = new LinkedHashMap<>();
		byName.put("driver.url", s.baseUrl());
		byName.put("driver.duration", s.duration().toString());
		byName.put("driver.warm-up", s.warmUp().toString());
		byName.put("driver.in-flight", s.inFlight());
		byName.put("driver.mix", s.mix().toString());
		byName.put("driver.keys", s.keys().name().toLowerCase(Locale.ROOT));
		byName.put("driver.zipf-theta", s.zipfTheta());
		byName.put("driver.seed", s.seed());
		byName.put("driver.declined-share", s.declinedShare());
		byName.put("driver.audit", s.audit());
		byName.put("driver.request-timeout", s.requestTimeout().toString());
		return byName;
	}

	/** On Ctrl-C during the run: stop issuing, give the requests in flight a moment, print what was measured. */
	private void printSoFar(ClosedLoop loop, Measurements measurements, RunWindow window) {
		loop.stop();
		long now = System.nanoTime();
		RunWindow soFar = new RunWindow(window.start(), Math.min(window.measureFrom(), now), Math.min(window.measureTo(), now));
		RunFigures figures = RunFigures.of(answers(measurements), soFar);
		this.out.println();
		this.out.println("Driver: interrupted; what was measured so far:");
		this.out.print(ReportTable.format(figures.types(), figures.total()));
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: the hook runs and prints what it has
		}
	}

	private static boolean await(CompletableFuture<Void> finished, Duration timeout) {
		try {
			finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			// allOf of slots that never fail: every failure is recorded inside the loop
			return true;
		}
	}

	private static void sleepUntil(long deadline) {
		long left;
		while ((left = deadline - System.nanoTime()) > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(left);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static ThreadFactory daemonThreads(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
