package dev.vmodb.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.tx.TransactionContext;

/**
 * Measures single-threaded point reads, indexed reads and writes on a preloaded {@link VersionedTable}.
 */
final class StoreOperations {

	/** Ten rows per category at 100,000 rows: an indexed read returns a handful of rows, as a lookup by owner does. */
	private static final int CATEGORIES = 10_000;

	/** Transactions per committed batch in the write test, so commits (and their pruning) are part of the cost. */
	private static final int BATCH = 1_000;

	private static final int CHUNK = 1_000;

	private final Settings settings;

	private final Report report;

	private final VersionedStore store = new VersionedStore("bench", List.of(BenchTable.SCHEMA));

	private final VersionedTable table = this.store.table("bench_item");

	private Object[][] rows;

	private long nextTid = 1;

	private long nextBatch = 1;

	/** Keeps results alive so the JIT cannot drop the work that produced them. */
	private long blackhole;

	private long random = 0x9E3779B97F4A7C15L;

	StoreOperations(Settings settings, Report report) {
		this.settings = settings;
		this.report = report;
	}

	void run() {
		preload();
		long tid = this.store.committed().tid();
		double reads = measure(() -> {
			for (int i = 0; i < CHUNK; i++) {
				Object[] row = this.table.read(randomId(), tid);
				this.blackhole += (row != null) ? 1 : 0;
			}
			return CHUNK;
		});
		this.report.store(new Report.StoreFigure("point read: read(key, tid)", reads, "random existing keys"));

		long[] matched = new long[1];
		long[] lookups = new long[1];
		double indexed = measure(() -> {
			for (int i = 0; i < CHUNK; i++) {
				this.table.forEachIndexed(0, (int) (randomId() % CATEGORIES), tid, row -> matched[0]++);
			}
			lookups[0] += CHUNK;
			return CHUNK;
		});
		this.blackhole += matched[0];
		this.report.store(new Report.StoreFigure("indexed read: forEachIndexed(category)", indexed,
				String.format(Locale.ROOT, "%.1f rows per lookup", (double) matched[0] / lookups[0])));

		double writes = measure(this::writeChunk);
		this.report.store(new Report.StoreFigure("write: upsert in own tx, commit per 1,000", writes,
				"one version per write; commit prunes"));
		if (this.blackhole == 42) {
			System.out.println();
		}
	}

	private void preload() {
		this.rows = new Object[this.settings.storeRows() + 1][];
		TransactionContext tx = new TransactionContext(this.nextTid++, this.nextBatch, TransactionType.WRITE);
		for (int id = 1; id <= this.settings.storeRows(); id++) {
			this.rows[id] = BenchTable.row(id, 0, CATEGORIES);
			this.table.insert(tx, this.rows[id]);
		}
		commitBatch();
	}

	/** Writes a new version of random rows, each in its own transaction, the way one handler per event would. */
	private long writeChunk() {
		for (int i = 0; i < CHUNK; i++) {
			TransactionContext tx = new TransactionContext(this.nextTid++, this.nextBatch, TransactionType.READ_WRITE);
			int id = (int) randomId();
			Object[] row = this.rows[id].clone();
			row[3] = (int) (tx.tid() & 1023);
			this.table.upsert(tx, row);
			if (this.nextTid % BATCH == 0) {
				commitBatch();
			}
		}
		return CHUNK;
	}

	private void commitBatch() {
		long batch = this.nextBatch++;
		this.store.commit(batch, this.nextTid - 1);
		// As if a checkpointer kept up: without it the store keeps every batch's dirty keys.
		this.store.releaseCheckpointed(batch);
	}

	private double measure(LongSupplier chunk) {
		runFor(this.settings.warmup(), chunk);
		long start = System.nanoTime();
		long ops = runFor(this.settings.measure(), chunk);
		return ops / ((System.nanoTime() - start) / 1e9);
	}

	private static long runFor(Duration duration, LongSupplier chunk) {
		long deadline = System.nanoTime() + duration.toNanos();
		long ops = 0;
		while (System.nanoTime() < deadline) {
			ops += chunk.getAsLong();
		}
		return ops;
	}

	/** A key between 1 and the row count, from a xorshift generator cheaper than {@link java.util.Random}. */
	private long randomId() {
		long x = this.random;
		x ^= x << 13;
		x ^= x >>> 7;
		x ^= x << 17;
		this.random = x;
		return 1 + Math.floorMod(x, (long) this.settings.storeRows());
	}

}
