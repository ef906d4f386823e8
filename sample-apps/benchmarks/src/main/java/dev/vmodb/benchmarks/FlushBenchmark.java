package dev.vmodb.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Measures flushes of many rows to H2, in memory and on file, through the sink, raw JDBC and Hibernate.
 *
 * <p>Every method gets a fresh database with the same DDL, so no method inherits another's table growth.
 */
final class FlushBenchmark {

	private static final int CATEGORIES = 10_000;

	private final Settings settings;

	private final Report report;

	private int databases;

	FlushBenchmark(Settings settings, Report report) {
		this.settings = settings;
		this.report = report;
	}

	void run() throws Exception {
		Path directory = Files.createTempDirectory("vmodb-bench-h2");
		try {
			warmUp();
			for (String database : List.of("mem", "file")) {
				boolean memory = database.equals("mem");
				List<Contender> updates = new ArrayList<>(List.of(new Contender(FlushMethods.SINK, FlushMethods::sink),
						new Contender("raw JDBC batched UPDATE (limit)", ds -> FlushMethods.rawJdbc(ds, true)),
						new Contender(FlushMethods.HIBERNATE_UPSERT, ds -> FlushMethods.hibernate(ds, true, true))));
				List<Contender> inserts = new ArrayList<>(List.of(new Contender(FlushMethods.SINK, FlushMethods::sink),
						new Contender("raw JDBC batched INSERT (limit)", ds -> FlushMethods.rawJdbc(ds, false)),
						new Contender(FlushMethods.HIBERNATE_INSERT, ds -> FlushMethods.hibernate(ds, false, true)),
						new Contender(FlushMethods.HIBERNATE_UPSERT, ds -> FlushMethods.hibernate(ds, true, true))));
				if (memory) {
					updates.add(new Contender("Hibernate upsert, batch_size property only",
							ds -> FlushMethods.hibernate(ds, true, false)));
					inserts.add(new Contender("Hibernate insert, batch_size property only",
							ds -> FlushMethods.hibernate(ds, false, false)));
				}
				measure("update-like", database, directory, true, updates);
				measure("insert-like", database, directory, false, inserts);
			}
		}
		finally {
			deleteRecursively(directory);
		}
	}

	/**
	 * Runs every write path on small in-memory flushes first: H2's and Hibernate's code takes hundreds of thousands
	 * of rows to reach full speed, far more than one warm-up flush per measurement gives.
	 */
	private void warmUp() throws Exception {
		System.out.printf("  warming up each write path for %d ms%n", this.settings.flushWarmup().toMillis());
		warmUp(true, FlushMethods::sink);
		warmUp(false, FlushMethods::sink);
		warmUp(true, ds -> FlushMethods.rawJdbc(ds, true));
		warmUp(false, ds -> FlushMethods.rawJdbc(ds, false));
		warmUp(true, ds -> FlushMethods.hibernate(ds, true, true));
		warmUp(false, ds -> FlushMethods.hibernate(ds, true, true));
		warmUp(false, ds -> FlushMethods.hibernate(ds, false, true));
	}

	private void warmUp(boolean update, Function<DataSource, FlushMethod> path) throws Exception {
		int rows = 10_000;
		JdbcConnectionPool dataSource = JdbcConnectionPool.create("jdbc:h2:mem:warmup;DB_CLOSE_DELAY=-1", "sa", "");
		try {
			BenchTable.create(dataSource);
			if (update) {
				BenchTable.load(dataSource, BenchTable.rows(1, rows, 0, CATEGORIES));
			}
			try (FlushMethod method = path.apply(dataSource)) {
				long deadline = System.nanoTime() + this.settings.flushWarmup().toNanos();
				for (int flush = 0; System.nanoTime() < deadline; flush++) {
					flush(method, update, rows, flush);
				}
			}
		}
		finally {
			execute(dataSource, "SHUTDOWN");
			dataSource.dispose();
		}
	}

	/**
	 * Measures competing methods in interleaved rounds, each on a database of its own, so a busy neighbour on the
	 * machine slows them alike and their ratios stay meaningful.
	 */
	private void measure(String flushCase, String database, Path directory, boolean update, List<Contender> contenders)
			throws Exception {
		int rows = this.settings.flushRows();
		System.out.printf("  %s on %s: %d methods, %d rounds of %,d rows%n", flushCase, database, contenders.size(),
				this.settings.flushes() + 1, rows);
		List<Run> runs = new ArrayList<>();
		try {
			for (Contender contender : contenders) {
				String url = database.equals("mem") ? "jdbc:h2:mem:bench-" + (++this.databases) + ";DB_CLOSE_DELAY=-1"
						: "jdbc:h2:file:" + directory.resolve("bench-" + (++this.databases)).toAbsolutePath();
				Run run = new Run(contender.name(), JdbcConnectionPool.create(url, "sa", ""));
				runs.add(run);
				BenchTable.create(run.dataSource);
				if (update) {
					BenchTable.load(run.dataSource, BenchTable.rows(1, rows, 0, CATEGORIES));
				}
				run.method = contender.factory().apply(run.dataSource);
			}
			// Round 0 settles each new database and session factory; it is not counted.
			for (int flush = 0; flush <= this.settings.flushes(); flush++) {
				for (int i = 0; i < runs.size(); i++) {
					Run run = runs.get((i + flush) % runs.size());
					System.gc();
					long elapsed = flush(run.method, update, rows, flush);
					run.measuredNanos += (flush > 0) ? elapsed : 0;
				}
			}
			for (Run run : runs) {
				verify(run.dataSource, update, run.name);
			}
		}
		finally {
			for (Run run : runs) {
				run.close();
			}
		}
		long measuredRows = (long) rows * this.settings.flushes();
		for (Run run : runs) {
			this.report.flush(new Report.FlushFigure(flushCase, database, run.name,
					measuredRows / (run.measuredNanos / 1e9), run.measuredNanos / 1e6 / this.settings.flushes()));
		}
	}

	/**
	 * Writes one flush: all rows again (update-like) or the next block of new ids (insert-like).
	 * @return the nanoseconds the write took, preparation excluded
	 */
	private static long flush(FlushMethod method, boolean update, int rows, int flush) throws Exception {
		int version = flush + 1;
		long firstId = update ? 1 : 1 + (long) flush * rows;
		Object prepared = method.prepare(BenchTable.rows(firstId, rows, version, CATEGORIES));
		long start = System.nanoTime();
		method.flush(prepared, version);
		return System.nanoTime() - start;
	}

	/** Guards the figures: every flush must really have reached the table. */
	private void verify(DataSource dataSource, boolean update, String name) throws SQLException {
		int rows = this.settings.flushRows();
		long expectedTotal = update ? rows : (long) rows * (this.settings.flushes() + 1);
		String lastVersion = "%-" + (this.settings.flushes() + 1);
		long total = count(dataSource, "SELECT COUNT(*) FROM bench_item");
		long latest = count(dataSource, "SELECT COUNT(*) FROM bench_item WHERE sku LIKE '" + lastVersion + "'");
		if (total != expectedTotal || latest != rows) {
			throw new IllegalStateException(name + " left " + total + " rows (" + latest + " of the last flush), expected "
					+ expectedTotal + " (" + rows + ")");
		}
	}

	private static long count(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery(sql)) {
			resultSet.next();
			return resultSet.getLong(1);
		}
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** A method competing in one case. */
	private record Contender(String name, Function<DataSource, FlushMethod> factory) {
	}

	/** A contender's database, method and measured time in one case. */
	private static final class Run implements AutoCloseable {

		final String name;

		final JdbcConnectionPool dataSource;

		FlushMethod method;

		long measuredNanos;

		Run(String name, JdbcConnectionPool dataSource) {
			this.name = name;
			this.dataSource = dataSource;
		}

		@Override
		public void close() throws SQLException {
			if (this.method != null) {
				this.method.close();
			}
			execute(this.dataSource, "SHUTDOWN");
			this.dataSource.dispose();
		}

	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
