package dev.vmodb.samples.marketplace.driver.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.driver.TransactionType;

/**
 * The report as one self-contained HTML page: the settings, the figures table, commits per second and latency per
 * second as inline SVG charts, errors and the audit. No script, style sheet or font is fetched.
 */
public final class HtmlReport {

	private static final Map<String, String> COLORS = Map.of("checkout", "#1f77b4", "add_to_cart", "#17becf",
			"price_update", "#ff7f0e", "product_update", "#d62728", "dashboard", "#2ca02c", "delivery", "#9467bd",
			"total", "#333333");

	private HtmlReport() {
	}

	public static String render(RunReport report) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<title>Online Marketplace driver report</title>\n<style>\n")
			.append("body{font-family:sans-serif;margin:2em;color:#222}")
			.append("table{border-collapse:collapse;margin:1em 0}")
			.append("th,td{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}")
			.append("th:first-child,td:first-child{text-align:left}tr.total td{font-weight:bold}")
			.append(".ok{color:#2a7}.fail{color:#c22}code{background:#f4f4f4;padding:1px 4px}\n")
			.append("</style>\n</head>\n<body>\n<h1>Online Marketplace driver report</h1>\n");
		html.append("<p>Started ").append(escape(report.started())).append(String.format(Locale.ROOT,
				"; %.0f s measured after a %.0f s warm-up.</p>%n", report.measuredSeconds(), report.warmUpSeconds()));
		settings(html, report.settings());
		html.append("<h2>Figures</h2>\n<p>Latency of committed transactions, submit to answer, in ms; "
				+ "throughput is commits per second of the measured window.</p>\n");
		table(html, report);
		charts(html, report);
		errors(html, report.errors());
		audit(html, report.audit());
		html.append("</body>\n</html>\n");
		return html.toString();
	}

	private static void settings(StringBuilder html, Map<String, Object> settings) {
		html.append("<h2>Settings</h2>\n<p>");
		settings.forEach((name, value) -> html.append("<code>")
			.append(escape(name))
			.append('=')
			.append(escape(String.valueOf(value)))
			.append("</code> "));
		html.append("</p>\n");
	}

	private static void table(StringBuilder html, RunReport report) {
		html.append("<table>\n<tr><th>type</th><th>committed</th><th>aborted</th><th>unknown</th><th>tx/s</th>"
				+ "<th>avg ms</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>max ms</th></tr>\n");
		report.types().forEach((row) -> row(html, row, ""));
		row(html, report.total(), " class=\"total\"");
		html.append("</table>\n");
	}

	private static void row(StringBuilder html, TypeFigures row, String attributes) {
		html.append(String.format(Locale.ROOT,
				"<tr%s><td>%s</td><td>%,d</td><td>%,d</td><td>%,d</td><td>%,.1f</td><td>%.1f</td><td>%.1f</td>"
						+ "<td>%.1f</td><td>%.1f</td><td>%.1f</td></tr>%n",
				attributes, escape(row.type()), row.committed(), row.aborted(), row.unknown(), row.throughput(),
				row.avgMs(), row.p50Ms(), row.p90Ms(), row.p99Ms(), row.maxMs()));
	}

	private static void charts(StringBuilder html, RunReport report) {
		List<TimelineSecond> timeline = report.timeline();
		int seconds = timeline.size();
		SvgLineChart throughput = new SvgLineChart("Commits per second", "commits / s", seconds,
				report.warmUpSeconds());
		SvgLineChart latency = new SvgLineChart("Latency per second: p50 (solid) and p99 (dashed)", "ms", seconds,
				report.warmUpSeconds());
		for (TransactionType type : TransactionType.values()) {
			String label = type.label();
			if (timeline.stream().noneMatch((second) -> second.types().containsKey(label))) {
				continue;
			}
			throughput.add(label, COLORS.get(label), false, series(timeline, label, Metric.COMMITTED));
			latency.add(label + " p50", COLORS.get(label), false, series(timeline, label, Metric.P50));
			latency.add(label + " p99", COLORS.get(label), true, series(timeline, label, Metric.P99));
		}
		throughput.add("total", COLORS.get("total"), false,
				timeline.stream().mapToDouble(TimelineSecond::committed).toArray());
		html.append("<h2>Over time</h2>\n").append(throughput.render()).append(latency.render());
	}

	private static double[] series(List<TimelineSecond> timeline, String label, Metric metric) {
		double[] values = new double[timeline.size()];
		Arrays.fill(values, Double.NaN);
		for (TimelineSecond second : timeline) {
			TimelineSecond.Point point = second.types().get(label);
			if (point != null) {
				values[second.second()] = switch (metric) {
					case COMMITTED -> point.committed();
					case P50 -> point.p50Ms();
					case P99 -> point.p99Ms();
				};
			}
			else if (metric == Metric.COMMITTED) {
				values[second.second()] = 0;
			}
		}
		return values;
	}

	private static void errors(StringBuilder html, Map<String, Long> errors) {
		if (errors.isEmpty()) {
			return;
		}
		html.append("<h2>Errors</h2>\n<table>\n<tr><th>type: kind</th><th>count</th></tr>\n");
		errors.forEach((kind, count) -> html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%,d</td></tr>%n",
				escape(kind), count)));
		html.append("</table>\n");
	}

	private static void audit(StringBuilder html, AuditSummary audit) {
		html.append("<h2>Audit: <span class=\"")
			.append("passed".equals(audit.status()) ? "ok" : "fail")
			.append("\">")
			.append(escape(audit.status()))
			.append("</span></h2>\n");
		if (audit.message() != null) {
			html.append("<p>").append(escape(audit.message())).append("</p>\n");
		}
		if (audit.criteria().isEmpty()) {
			return;
		}
		html.append("<table>\n<tr><th>criterion</th><th>checked</th><th>violated</th><th>examples</th></tr>\n");
		for (CriterionResult criterion : audit.criteria()) {
			String examples = (criterion.skipped() != null) ? "skipped: " + criterion.skipped()
					: String.join("; ", (criterion.examples() != null) ? criterion.examples() : List.of());
			html.append(String.format(Locale.ROOT,
					"<tr><td>%s</td><td>%,d</td><td class=\"%s\">%,d</td><td style=\"text-align:left\">%s</td></tr>%n",
					escape(criterion.name()), criterion.checked(), (criterion.violated() == 0) ? "ok" : "fail",
					criterion.violated(), escape(examples)));
		}
		html.append("</table>\n");
	}

	/** Escapes text for HTML and SVG. */
	public static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private enum Metric {

		COMMITTED, P50, P99

	}

}
