package dev.vmodb.samples.marketplace.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchPageTests {

	@Test
	void chartsTheSweepOfEachShopAboveTheTables() {
		BenchSettings settings = BenchFixtures.settings(List.of(Shop.VMODB, Shop.BASELINE), List.of(1, 8));
		BenchResult result = BenchFixtures.result(settings,
				List.of(BenchFixtures.run(Shop.VMODB, "vmodb-local", 1, true, 2, 0),
						BenchFixtures.run(Shop.VMODB, "vmodb-local", 8, true, 10, 0),
						BenchFixtures.run(Shop.BASELINE, "vmodb-local", 1, true, 1, 2)),
				List.of());

		String html = BenchPage.render(result, BenchTable.format(result));

		assertThat(html).contains("committed requests per second").contains("transactions in flight");
		assertThat(html).contains(">vMODB<").contains(">baseline<").contains(">vMODB p99<");
		// vMODB has both points, so one line of two; the baseline's second point is missing, so no line of its own
		assertThat(html).containsPattern("<polyline[^>]*stroke=\"#1f77b4\"[^>]*points=\"[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+\"");
		assertThat(html.indexOf("<svg")).isLessThan(html.indexOf("<table>"));
		assertThat(html).contains("<tr><th>in flight</th><th>vMODB tx/s</th>").contains("<td>violated (2)</td>");
	}

	@Test
	void turnsTheTablesMarkdownIntoHtmlEscapingText() {
		StringBuilder html = new StringBuilder();
		BenchPage.tables(html, "## Title <1>\n\n| a | b |\n|---|---:|\n| x & y | 2 |\n\nA note.\n");

		assertThat(html.toString()).isEqualTo("<h2>Title &lt;1&gt;</h2>\n<table>\n<tr><th>a</th><th>b</th></tr>\n"
				+ "<tr><td>x &amp; y</td><td>2</td></tr>\n</table>\n<p>A note.</p>\n");
	}

}
