package dev.vmodb.samples.marketplace.driver;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import dev.vmodb.samples.marketplace.audit.Audit;
import dev.vmodb.samples.marketplace.audit.AuditReport;
import dev.vmodb.samples.marketplace.audit.Journal;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot;
import dev.vmodb.samples.marketplace.driver.report.AuditPrinter;
import dev.vmodb.samples.marketplace.driver.report.AuditSummary;
import dev.vmodb.samples.marketplace.driver.report.Measurements;
import dev.vmodb.samples.marketplace.driver.report.ReportFiles;
import dev.vmodb.samples.marketplace.driver.report.ReportTable;
import dev.vmodb.samples.marketplace.driver.report.RunFigures;
import dev.vmodb.samples.marketplace.driver.report.RunReport;
import dev.vmodb.samples.marketplace.driver.shop.ShopClient;
import dev.vmodb.samples.marketplace.driver.shop.ShopUnavailableException;
import dev.vmodb.samples.marketplace.driver.shop.SnapshotReader;
import dev.vmodb.samples.marketplace.driver.workload.Catalogue;
import dev.vmodb.samples.marketplace.driver.workload.RunJournal;
import dev.vmodb.samples.marketplace.driver.workload.Workload;

/**
 * One driver run, top to bottom: wait for the shop and read its state, run the load (see {@link LoadPhase}),
 * report, and audit the run against the state after it. Or, in audit mode, audit the shop's state alone.
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
		return new DriverResult(exitCode(audit), null, null, null);
	}

	private DriverResult runWorkload() {
		DriverSettings s = this.settings;
		this.out.printf(Locale.ROOT, "Driver: %s against %s, %d in flight, %s keys%s, %d s after a %d s warm-up%n",
				s.mix(), s.baseUrl(), s.inFlight(), s.keys().name().toLowerCase(Locale.ROOT),
				(s.keys() == KeyDistribution.ZIPFIAN) ? " (theta " + s.zipfTheta() + ")" : "",
				s.duration().toSeconds(), s.warmUp().toSeconds());
		ShopSnapshot before = snapshots().read(OptionalLong.empty());
		Catalogue catalogue = Catalogue.of(before, s.keys(), s.zipfTheta());
		this.out.printf(Locale.ROOT,
				"Driver: the shop has %,d sellers, %,d products and %,d customers (state at TID %d)%n",
				catalogue.sellerCount(), catalogue.productCount(), catalogue.customerCount(), before.tid());

		Measurements measurements = new Measurements(this.out);
		RunJournal journal = new RunJournal();
		ShopClient shop = new ShopClient(this.http, s.baseUrl(), s.requestTimeout());
		Instant started = Instant.now();
		LoadPhase load = new LoadPhase(s, this.out);
		LoadPhase.Result loaded = load.run(new Workload(shop, catalogue, measurements, journal, s.declinedShare()),
				shop, measurements);

		RunFigures figures = RunFigures.of(LoadPhase.answers(measurements), loaded.window());
		this.out.println();
		this.out.print(ReportTable.format(figures.types(), figures.total()));
		printErrors(measurements.errors());
		AuditSummary audit = loaded.drained() ? auditRun(before, journal.journal(), measurements.highestTid())
				: AuditSummary.failed("requests still in flight after " + load.drainTimeout().toSeconds()
						+ " s: the state after the run is not quiescent");
		this.out.print(AuditPrinter.format(audit));
		RunReport report = new RunReport(s.byPropertyName(), started.toString(), loaded.window().warmUpSeconds(),
				loaded.window().measuredSeconds(), figures.types(), figures.total(), measurements.errors(),
				figures.timeline(), audit);
		ReportFiles files = ReportFiles.write(report, s.output());
		this.out.println("Driver: report written to " + files.json() + " and " + files.html());
		return new DriverResult(loaded.drained() ? exitCode(audit) : ExitCode.FAILED, report, files, loaded.window());
	}

	private AuditSummary auditRun(ShopSnapshot before, Journal journal, long highestTid) {
		if (!this.settings.audit()) {
			return AuditSummary.off("driver.audit=false");
		}
		// the state that includes every transaction the driver saw answered, committed in every VMS
		ShopSnapshot after = snapshots().read((highestTid >= 0) ? OptionalLong.of(highestTid) : OptionalLong.empty());
		this.out.printf(Locale.ROOT,
				"Driver: auditing %,d checkouts, %,d price changes, %,d dashboards (state at TID %d)%n",
				journal.checkouts().size(), journal.priceChanges().size(), journal.dashboards().size(), after.tid());
		return audit(() -> Audit.run(before, after, journal));
	}

	private static AuditSummary audit(Supplier<AuditReport> audit) {
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

	private void printErrors(Map<String, Long> errors) {
		if (!errors.isEmpty()) {
			this.out.println("Errors:");
			errors.forEach((kind, count) -> this.out.printf(Locale.ROOT, "  %s: %,d%n", kind, count));
		}
	}

}
