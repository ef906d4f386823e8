package dev.vmodb.samples.marketplace.driver.report;

import java.util.List;
import java.util.Locale;

/**
 * The figures as an aligned text table, one row per type and a total.
 */
public final class ReportTable {

	private static final String ROW = "%-15s %10s %9s %9s %10s %9s %9s %9s %9s %9s";

	private ReportTable() {
	}

	/**
	 * Formats the table.
	 * @param types one row each
	 * @param total the last row
	 * @return the table, lines separated by {@code \n}, with a trailing newline
	 */
	public static String format(List<TypeFigures> types, TypeFigures total) {
		StringBuilder table = new StringBuilder();
		String header = String.format(Locale.ROOT, ROW, "type", "committed", "aborted", "unknown", "tx/s", "avg ms",
				"p50 ms", "p90 ms", "p99 ms", "max ms");
		table.append(header).append('\n');
		table.append("-".repeat(header.length())).append('\n');
		for (TypeFigures row : types) {
			table.append(row(row)).append('\n');
		}
		table.append("-".repeat(header.length())).append('\n');
		table.append(row(total)).append('\n');
		return table.toString();
	}

	private static String row(TypeFigures figures) {
		return String.format(Locale.ROOT, ROW, figures.type(), count(figures.committed()), count(figures.aborted()),
				count(figures.unknown()), String.format(Locale.ROOT, "%,.1f", figures.throughput()),
				millis(figures.avgMs()), millis(figures.p50Ms()), millis(figures.p90Ms()), millis(figures.p99Ms()),
				millis(figures.maxMs()));
	}

	private static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	private static String millis(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
