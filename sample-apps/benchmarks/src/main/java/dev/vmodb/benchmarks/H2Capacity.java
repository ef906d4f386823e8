package dev.vmodb.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.h2.jdbcx.JdbcConnectionPool;

/**
 * H2's raw batched write capacity: how many rows per second plain JDBC batches of 1,000 rows insert, then update, in
 * an in-memory database (the kind both marketplace shops keep their tables in), one transaction per 10,000 rows.
 *
 * <p>This is a ceiling for any store on H2, not a figure of our store: nothing is read, nothing is checked, and each
 * row is written knowing whether it exists. {@link FlushBenchmark} compares our checkpoint sink with it.
 */
public final class H2Capacity {

	private static final int ROWS_PER_FLUSH = 10_000;

	private static final int CATEGORIES = 10_000;

	private H2Capacity() {
	}

	/**
	 * Inserts rows in flushes for the warm-up and the measurement, then updates the rows of the first flushes as long.
	 * @param warmup how long each kind of write runs before it is measured
	 * @param measurement how long each kind of write is measured
	 * @return rows inserted and updated per second
	 * @throws Exception if H2 fails
	 */
	public static Figures measure(Duration warmup, Duration measurement) throws Exception {
		JdbcConnectionPool dataSource = JdbcConnectionPool
			.create("jdbc:h2:mem:vmodb-h2-capacity-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		try (FlushMethod insert = FlushMethods.rawJdbc(dataSource, false);
				FlushMethod update = FlushMethods.rawJdbc(dataSource, true)) {
			BenchTable.create(dataSource);
			Counter inserted = new Counter();
			Flush insertNext = () -> timed(insert,
					insert.prepare(BenchTable.rows(inserted.next(), ROWS_PER_FLUSH, 0, CATEGORIES)), 0);
			run(warmup, insertNext);
			double insertsPerSecond = run(measurement, insertNext);
			Counter version = new Counter();
			Flush updateFirst = () -> {
				int next = version.version();
				return timed(update, update.prepare(BenchTable.rows(1, ROWS_PER_FLUSH, next, CATEGORIES)), next);
			};
			run(warmup, updateFirst);
			double updatesPerSecond = run(measurement, updateFirst);
			return new Figures(insertsPerSecond, updatesPerSecond);
		}
		finally {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
			catch (SQLException ex) {
				// already closed: nothing to release
			}
			dataSource.dispose();
		}
	}

	/**
	 * Flushes until the time is up; answers the rows per second of writing (making the rows is not counted).
	 */
	private static double run(Duration time, Flush flush) throws Exception {
		long deadline = System.nanoTime() + time.toNanos();
		long rows = 0;
		long writing = 0;
		do {
			writing += flush.run();
			rows += ROWS_PER_FLUSH;
		}
		while (System.nanoTime() < deadline);
		return rows / (writing / 1e9);
	}

	private static long timed(FlushMethod method, Object prepared, long flushNumber) throws Exception {
		long start = System.nanoTime();
		method.flush(prepared, flushNumber);
		return System.nanoTime() - start;
	}

	/** One flush of new rows; answers the nanoseconds it took to write them. */
	@FunctionalInterface
	private interface Flush {

		long run() throws Exception;

	}

	/** The first id of the next block of new rows, or the next version of the updated rows. */
	private static final class Counter {

		private long calls;

		long next() {
			return 1 + ROWS_PER_FLUSH * this.calls++;
		}

		int version() {
			return (int) ++this.calls;
		}

	}

	/**
	 * Rows per second written by plain batched JDBC into an in-memory H2 database.
	 *
	 * @param insertsPerSecond new rows inserted
	 * @param updatesPerSecond existing rows updated by key
	 */
	public record Figures(double insertsPerSecond, double updatesPerSecond) {
	}

}
