package dev.vmodb.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects the figures as they are measured and prints them as plain-text tables.
 */
final class Report {

	private final List<StoreFigure> storeFigures = new ArrayList<>();

	private final List<FlushFigure> flushFigures = new ArrayList<>();

	void store(StoreFigure figure) {
		this.storeFigures.add(figure);
		System.out.printf(Locale.ROOT, "  %-45s %,14.0f ops/s%n", figure.operation(), figure.opsPerSecond());
	}

	void flush(FlushFigure figure) {
		this.flushFigures.add(figure);
		System.out.printf(Locale.ROOT, "  %-12s %-5s %-44s %,10.0f rows/s%n", figure.flushCase(), figure.database(),
				figure.method(), figure.rowsPerSecond());
	}

	void print(Settings settings) {
		System.out.println();
		System.out.printf(Locale.ROOT, "Store operations (%,d rows, one thread, %d s each after %d ms warm-up)%n",
				settings.storeRows(), settings.measure().toSeconds(), settings.warmup().toMillis());
		System.out.printf(Locale.ROOT, "| %-45s | %14s | %-40s |%n", "operation", "ops/s", "note");
		System.out.printf(Locale.ROOT, "|%s|%s|%s|%n", "-".repeat(47), "-".repeat(16), "-".repeat(42));
		for (StoreFigure figure : this.storeFigures) {
			System.out.printf(Locale.ROOT, "| %-45s | %,14.0f | %-40s |%n", figure.operation(), figure.opsPerSecond(),
					figure.note());
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "Flush to H2 (%,d rows per flush, one transaction each; mean of %d flushes after one"
				+ " unmeasured flush, every write path warmed up for %d ms first; fresh database per method)%n",
				settings.flushRows(), settings.flushes(), settings.flushWarmup().toMillis());
		System.out.printf(Locale.ROOT, "| %-12s | %-5s | %-44s | %10s | %9s | %10s |%n", "case", "db", "method", "rows/s",
				"ms/flush", "sink/this");
		System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%n", "-".repeat(14), "-".repeat(7), "-".repeat(46),
				"-".repeat(12), "-".repeat(11), "-".repeat(12));
		for (FlushFigure figure : this.flushFigures) {
			double sink = sinkRate(figure);
			String ratio = figure.method().equals(FlushMethods.SINK) ? "" : String.format(Locale.ROOT, "%.2f", sink / figure.rowsPerSecond());
			System.out.printf(Locale.ROOT, "| %-12s | %-5s | %-44s | %,10.0f | %,9.0f | %10s |%n", figure.flushCase(),
					figure.database(), figure.method(), figure.rowsPerSecond(), figure.millisPerFlush(), ratio);
		}
		printRatios();
	}

	/** The headline comparison: the sink against what a Hibernate-based sink would do, case by case. */
	private void printRatios() {
		System.out.println();
		System.out.println("JDBC sink / Hibernate StatelessSession (rows/s ratio, same case and database; above 1 the sink is faster)");
		System.out.printf(Locale.ROOT, "| %-12s | %-5s | %14s | %14s | %12s | %14s | %12s |%n", "case", "db", "sink rows/s",
				"upsert rows/s", "sink/upsert", "insert rows/s", "sink/insert");
		System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(14), "-".repeat(7), "-".repeat(16),
				"-".repeat(16), "-".repeat(14), "-".repeat(16), "-".repeat(14));
		for (FlushFigure sink : this.flushFigures) {
			if (!sink.method().equals(FlushMethods.SINK)) {
				continue;
			}
			double upsert = rate(sink, FlushMethods.HIBERNATE_UPSERT);
			double insert = rate(sink, FlushMethods.HIBERNATE_INSERT);
			System.out.printf(Locale.ROOT, "| %-12s | %-5s | %,14.0f | %14s | %12s | %14s | %12s |%n", sink.flushCase(),
					sink.database(), sink.rowsPerSecond(), rows(upsert), ratio(sink.rowsPerSecond(), upsert), rows(insert),
					ratio(sink.rowsPerSecond(), insert));
		}
	}

	private double sinkRate(FlushFigure of) {
		return rate(of, FlushMethods.SINK);
	}

	private double rate(FlushFigure of, String method) {
		return this.flushFigures.stream()
				.filter(f -> f.flushCase().equals(of.flushCase()) && f.database().equals(of.database())
						&& f.method().equals(method))
				.mapToDouble(FlushFigure::rowsPerSecond).findFirst().orElse(Double.NaN);
	}

	private static String rows(double rate) {
		return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%,.0f", rate);
	}

	private static String ratio(double sink, double other) {
		return Double.isNaN(other) ? "-" : String.format(Locale.ROOT, "%.2f", sink / other);
	}

	record StoreFigure(String operation, double opsPerSecond, String note) {
	}

	record FlushFigure(String flushCase, String database, String method, double rowsPerSecond, double millisPerFlush) {
	}

}
