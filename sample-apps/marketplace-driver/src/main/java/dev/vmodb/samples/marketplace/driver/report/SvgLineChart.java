package dev.vmodb.samples.marketplace.driver.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG, so an HTML report needs no script or network: over the seconds of a run, or over named
 * points (such as the in-flight counts of a sweep) spaced evenly. A value of {@link Double#NaN} is a gap (no commit of
 * that type in that second, no figure at that point).
 */
public final class SvgLineChart {

	private static final int WIDTH = 960;

	private static final int HEIGHT = 320;

	private static final int LEFT = 60;

	private static final int RIGHT = 170;

	private static final int TOP = 30;

	private static final int BOTTOM = 40;

	private final String title;

	private final String unit;

	private final int seconds;

	private final double markAt;

	private final List<String> pointLabels;

	private final String xTitle;

	private final List<Series> series = new ArrayList<>();

	/**
	 * @param title shown above the chart
	 * @param unit of the y axis
	 * @param seconds the length of the x axis
	 * @param markAt the second to mark with a vertical line (the end of the warm-up), or a negative number for none
	 */
	SvgLineChart(String title, String unit, int seconds, double markAt) {
		this(title, unit, seconds, markAt, null, "second of the run");
	}

	private SvgLineChart(String title, String unit, int slots, double markAt, List<String> pointLabels,
			String xTitle) {
		this.title = title;
		this.unit = unit;
		this.seconds = Math.max(slots, 1);
		this.markAt = markAt;
		this.pointLabels = pointLabels;
		this.xTitle = xTitle;
	}

	/**
	 * A chart over named points, evenly spaced and labelled by their names.
	 * @param title shown above the chart
	 * @param unit of the y axis
	 * @param xTitle of the x axis
	 * @param pointLabels the points' names, in order; a series has one value per point
	 * @return the empty chart
	 */
	public static SvgLineChart overPoints(String title, String unit, String xTitle, List<String> pointLabels) {
		return new SvgLineChart(title, unit, pointLabels.size(), -1, List.copyOf(pointLabels), xTitle);
	}

	/**
	 * Adds a line.
	 * @param name the legend's entry
	 * @param color an SVG colour
	 * @param dashed dashed rather than solid
	 * @param values one per second or point; {@link Double#NaN} for none
	 * @return this chart
	 */
	public SvgLineChart add(String name, String color, boolean dashed, double[] values) {
		this.series.add(new Series(name, color, dashed, values));
		return this;
	}

	/** The chart as an {@code <svg>} element. */
	public String render() {
		double max = niceMax(this.series.stream()
			.flatMapToDouble((line) -> java.util.Arrays.stream(line.values()))
			.filter((value) -> !Double.isNaN(value))
			.max()
			.orElse(1));
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
						+ "font-family=\"sans-serif\" font-size=\"11\">%n",
				WIDTH, HEIGHT, WIDTH, HEIGHT));
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
				LEFT, HtmlReport.escape(this.title)));
		axes(svg, max);
		if (this.markAt > 0) {
			double x = x(this.markAt);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"2,3\"/>"
							+ "<text x=\"%.1f\" y=\"%d\" fill=\"#777\">warm-up</text>%n",
					x, TOP, x, HEIGHT - BOTTOM, x - 48, TOP + 12));
		}
		for (Series line : this.series) {
			polylines(svg, line, max);
		}
		legend(svg);
		svg.append("</svg>\n");
		return svg.toString();
	}

	private void axes(StringBuilder svg, double max) {
		int bottom = HEIGHT - BOTTOM;
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
						+ "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
				LEFT, TOP, LEFT, bottom, LEFT, bottom, WIDTH - RIGHT, bottom));
		for (int tick = 0; tick <= 4; tick++) {
			double value = max * tick / 4;
			double y = y(value, max);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
							+ "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
					LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, label(value)));
		}
		if (this.pointLabels != null) {
			// a point's value is plotted in the middle of its slot, as a second's is
			for (int point = 0; point < this.pointLabels.size(); point++) {
				svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
						x(point + 0.5), bottom + 16, HtmlReport.escape(this.pointLabels.get(point))));
			}
		}
		else {
			int step = Math.max(1, (int) Math.ceil(this.seconds / 10.0));
			for (int second = 0; second <= this.seconds; second += step) {
				svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
						x(second), bottom + 16, second));
			}
		}
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
						+ "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s</text>%n",
				(LEFT + WIDTH - RIGHT) / 2, HEIGHT - 6, HtmlReport.escape(this.xTitle), (TOP + bottom) / 2,
				(TOP + bottom) / 2, HtmlReport.escape(this.unit)));
	}

	private void polylines(StringBuilder svg, Series line, double max) {
		StringBuilder points = new StringBuilder();
		for (int second = 0; second <= line.values().length; second++) {
			boolean gap = second == line.values().length || Double.isNaN(line.values()[second]);
			if (gap) {
				if (points.length() > 0) {
					svg.append(String.format(Locale.ROOT,
							"<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s points=\"%s\"/>%n",
							line.color(), line.dashed() ? " stroke-dasharray=\"5,3\"" : "", points.toString().trim()));
					points.setLength(0);
				}
				continue;
			}
			// a value is plotted in the middle of its second
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(second + 0.5), y(line.values()[second], max)));
		}
	}

	private void legend(StringBuilder svg) {
		int y = TOP + 4;
		for (Series line : this.series) {
			int x = WIDTH - RIGHT + 14;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>"
							+ "<text x=\"%d\" y=\"%d\">%s</text>%n",
					x, y, x + 22, y, line.color(), line.dashed() ? " stroke-dasharray=\"5,3\"" : "", x + 28, y + 4,
					HtmlReport.escape(line.name())));
			y += 16;
		}
	}

	private double x(double second) {
		return LEFT + (WIDTH - LEFT - RIGHT) * second / this.seconds;
	}

	private static double y(double value, double max) {
		return (HEIGHT - BOTTOM) - (HEIGHT - BOTTOM - TOP) * value / max;
	}

	/** The smallest 1, 2 or 5 times a power of ten at or above the value, so the ticks are round. */
	static double niceMax(double value) {
		if (value <= 0) {
			return 1;
		}
		double power = Math.pow(10, Math.floor(Math.log10(value)));
		for (double factor : new double[] { 1, 2, 5, 10 }) {
			if (factor * power >= value) {
				return factor * power;
			}
		}
		return 10 * power;
	}

	private static String label(double value) {
		return (value >= 10 || value == 0) ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

	private record Series(String name, String color, boolean dashed, double[] values) {
	}

}
