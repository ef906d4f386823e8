package dev.vmodb.samples.marketplace.driver.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vmodb.samples.marketplace.audit.AuditReport;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.driver.TransactionType;
import dev.vmodb.samples.marketplace.driver.shop.ShopJson;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures, the table, the JSON and the HTML of a made-up run: 2 s warm-up, then 10 s measured, with checkouts
 * of known latencies and outcomes.
 */
class RunReportTests {

	private static final long S = 1_000_000_000L;

	private static final long MS = 1_000_000L;

	private final RunWindow window = new RunWindow(0, 2 * S, 12 * S);

	@Test
	void figuresCountOnlyTheMeasuredWindowAndTakeLatenciesOfCommitsOnly() {
		RunFigures figures = RunFigures.of(answers(), this.window);
		TypeFigures checkout = figures.types().get(0);
		assertThat(checkout.type()).isEqualTo("checkout");
		// 100 commits in the window (1..100 ms), one in the warm-up, one after the window, and 5 aborts
		assertThat(checkout.committed()).isEqualTo(100);
		assertThat(checkout.aborted()).isEqualTo(5);
		assertThat(checkout.unknown()).isEqualTo(1);
		assertThat(checkout.throughput()).isEqualTo(10.0);
		assertThat(checkout.p50Ms()).isEqualTo(50);
		assertThat(checkout.p99Ms()).isEqualTo(99);
		assertThat(checkout.maxMs()).isEqualTo(100);
		assertThat(figures.total().committed()).isEqualTo(100 + 20);
		// a second per second of the run, warm-up first
		assertThat(figures.timeline()).hasSize(13);
		assertThat(figures.timeline().get(0).warmUp()).isTrue();
		assertThat(figures.timeline().get(2).warmUp()).isFalse();
		assertThat(figures.timeline().stream().mapToLong(TimelineSecond::committed).sum()).isEqualTo(102 + 20);
	}

	@Test
	void theTableIsAlignedWithARowPerTypeAndATotal() {
		RunFigures figures = RunFigures.of(answers(), this.window);
		String table = ReportTable.format(figures.types(), figures.total());
		List<String> lines = table.lines().toList();
		assertThat(lines).hasSize(TransactionType.values().length + 4);
		assertThat(lines.get(0)).startsWith("type").contains("committed", "aborted", "tx/s", "p50 ms", "p99 ms");
		assertThat(lines).allSatisfy((line) -> assertThat(line).hasSameSizeAs(lines.get(0)));
		assertThat(lines.get(2)).startsWith("checkout").contains(" 100 ", " 10.0 ", " 50.0 ", " 99.0 ");
		assertThat(lines.get(lines.size() - 1)).startsWith("total").contains(" 120 ");
	}

	@Test
	void jsonAndHtmlAreWrittenWithTheFiguresTheChartsAndTheAudit(@TempDir Path directory) throws Exception {
		RunReport report = report();
		ReportFiles files = ReportFiles.write(report, directory.resolve("out"));

		JsonNode json = ShopJson.mapper().readTree(Files.readString(files.json()));
		assertThat(json.path("settings").path("driver.mix").asString()).isEqualTo("sigmod (…)");
		assertThat(json.path("types").get(0).path("type").asString()).isEqualTo("checkout");
		assertThat(json.path("types").get(0).path("committed").asLong()).isEqualTo(100);
		assertThat(json.path("total").path("committed").asLong()).isEqualTo(120);
		assertThat(json.path("timeline")).hasSize(13);
		assertThat(json.path("audit").path("status").asString()).isEqualTo("violated");
		assertThat(json.path("audit").path("criteria").get(1).path("violated").asLong()).isEqualTo(2);

		String html = Files.readString(files.html());
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<table>", "<td>checkout</td><td>100</td>", "<svg", "<polyline", "Commits per second",
					"Latency per second", "stock &lt;= available", "violated")
			.doesNotContain("<script", "src=\"http");
	}

	private RunReport report() {
		RunFigures figures = RunFigures.of(answers(), this.window);
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("driver.mix", "sigmod (…)");
		AuditReport audit = new AuditReport(List.of(
				new AuditReport.CriterionResult("checkouts are atomic", 100, 0, List.of(), null),
				new AuditReport.CriterionResult("stock <= available", 50, 2, List.of("seller 1 product 2"), null)));
		return new RunReport(settings, "2025-01-01T00:00:00Z", 2, 10, figures.types(), figures.total(),
				Map.of("checkout: no answer", 1L), figures.timeline(), AuditSummary.of(audit));
	}

	/**
	 * Checkouts: 100 commits in the window at 1..100 ms, one commit in the warm-up and one after the window, five
	 * aborts and one unknown in the window; deliveries: 20 commits at 3 ms.
	 */
	private static Map<TransactionType, LatencyLog.Entries> answers() {
		Map<TransactionType, LatencyLog.Entries> answers = new EnumMap<>(TransactionType.class);
		for (TransactionType type : TransactionType.values()) {
			answers.put(type, new LatencyLog().entries());
		}
		LatencyLog checkouts = new LatencyLog();
		for (int i = 1; i <= 100; i++) {
			checkouts.add(2 * S + i * 100 * MS, i * MS, Outcome.COMMITTED);
		}
		checkouts.add(S, 7 * MS, Outcome.COMMITTED);
		checkouts.add(12 * S + 500 * MS, 7 * MS, Outcome.COMMITTED);
		for (int i = 0; i < 5; i++) {
			checkouts.add(3 * S, 4 * MS, Outcome.ABORTED);
		}
		checkouts.add(4 * S, 30_000 * MS, Outcome.UNKNOWN);
		answers.put(TransactionType.CHECKOUT, checkouts.entries());
		LatencyLog deliveries = new LatencyLog();
		for (int i = 0; i < 20; i++) {
			deliveries.add(5 * S, 3 * MS, Outcome.COMMITTED);
		}
		answers.put(TransactionType.DELIVERY, deliveries.entries());
		assertThat(Arrays.stream(TransactionType.values()).map(answers::get)).doesNotContainNull();
		return answers;
	}

}
