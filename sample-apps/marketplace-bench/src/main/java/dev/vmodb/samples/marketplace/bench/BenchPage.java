package dev.vmodb.samples.marketplace.bench;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.vmodb.samples.marketplace.driver.report.HtmlReport;
import dev.vmodb.samples.marketplace.driver.report.SvgLineChart;

/**
 * The bench as one self-contained HTML page: the sweep's charts (throughput and p99 against the transactions in
 * flight, one line per shop) above the tables. No script, style sheet or font is fetched.
 */
final class BenchPage {

	private static final Map<Shop, String> COLORS = Map.of(Shop.VMODB, "#1f77b4", Shop.BASELINE, "#d62728");

	private BenchPage() {
	}

	static String render(BenchResult result, String markdownTables) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<title>Online Marketplace bench</title>\n<style>\n")
			.append("body{font-family:sans-serif;margin:2em;color:#222}")
			.append("table{border-collapse:collapse;margin:1em 0;font-size:13px}")
			.append("th,td{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}")
			.append("th:first-child,td:first-child{text-align:left}\n")
			.append("</style>\n</head>\n<body>\n<h1>Online Marketplace bench: vMODB and the Spring baseline</h1>\n");
		List<Integer> levels = result.settings().sweep();
		if (!levels.isEmpty()) {
			List<String> labels = levels.stream().map(String::valueOf).toList();
			String mix = result.settings().sweepMix().name();
			SvgLineChart throughput = SvgLineChart.overPoints("Sweep (" + mix + "): committed requests per second",
					"requests / s", "transactions in flight", labels);
			SvgLineChart latency = SvgLineChart.overPoints("Sweep (" + mix + "): p99 latency (p50 dashed)", "ms",
					"transactions in flight", labels);
			for (Shop shop : result.settings().shops()) {
				throughput.add(shop.label(), COLORS.get(shop), false, values(result, shop, RunResult::throughput));
				latency.add(shop.label() + " p99", COLORS.get(shop), false,
						values(result, shop, (run) -> run.total().p99Ms()));
				latency.add(shop.label() + " p50", COLORS.get(shop), true,
						values(result, shop, (run) -> run.total().p50Ms()));
			}
			html.append(throughput.render()).append(latency.render());
		}
		tables(html, markdownTables);
		html.append("</body>\n</html>\n");
		return html.toString();
	}

	private static double[] values(BenchResult result, Shop shop, ToDoubleFunction<RunResult> figure) {
		return result.settings()
			.sweep()
			.stream()
			.mapToDouble((level) -> result.sweepRun(shop, level).map(figure::applyAsDouble).orElse(Double.NaN))
			.toArray();
	}

	/** The Markdown of {@link BenchTable} as HTML: headings, tables and paragraphs, nothing else is used there. */
	static void tables(StringBuilder html, String markdown) {
		boolean inTable = false;
		boolean header = false;
		for (String line : markdown.split("\n")) {
			if (line.startsWith("|")) {
				if (!inTable) {
					html.append("<table>\n");
					inTable = true;
					header = true;
				}
				if (line.startsWith("|---")) {
					continue;
				}
				String cell = header ? "th" : "td";
				html.append("<tr>");
				String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1);
				for (String text : cells) {
					html.append('<').append(cell).append('>').append(HtmlReport.escape(text.trim()))
						.append("</").append(cell).append('>');
				}
				html.append("</tr>\n");
				header = false;
				continue;
			}
			if (inTable) {
				html.append("</table>\n");
				inTable = false;
			}
			if (line.startsWith("### ")) {
				html.append("<h3>").append(HtmlReport.escape(line.substring(4))).append("</h3>\n");
			}
			else if (line.startsWith("## ")) {
				html.append("<h2>").append(HtmlReport.escape(line.substring(3))).append("</h2>\n");
			}
			else if (!line.isBlank()) {
				html.append("<p>").append(HtmlReport.escape(line)).append("</p>\n");
			}
		}
		if (inTable) {
			html.append("</table>\n");
		}
	}

}
