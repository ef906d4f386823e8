package dev.vmodb.core.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.history.HistoryRecorder;
import dev.vmodb.core.history.SerializabilityChecker;
import dev.vmodb.core.history.SerializabilityReport;
import dev.vmodb.core.schema.ColumnSchema;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.Snapshot;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.tx.TransactionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The scheduler and the versioned store together under concurrent, partitioned execution, checked against an
 * independent oracle: the same transactions replayed one by one in TID order on a {@link HashMap}.
 *
 * <p>Random transactions (bursts of serial, partitioned and parallel ones, each correctly declared) are submitted
 * in shuffled order from several threads; batches commit (and prune) while later transactions run, and readers take
 * snapshots meanwhile. Every value a transaction read at its TID must equal what the oracle read at that TID, and
 * the recorded history must be serializable in TID order.
 */
class VmsSchedulerConcurrencyTests {

	private static final int TRANSACTIONS = 20_000;

	private static final int ACCOUNTS = 200;

	private static final int PARTITIONS = 50;

	private static final int BATCH = 500;

	private static final int LANES = 4;

	private static final int SUBMITTERS = 4;

	private static final long INITIAL_BALANCE = 1_000;

	/** Per-partition counters live at COUNTER + partition, the serial counter at GLOBAL_COUNTER. */
	private static final long COUNTER = 10_000;

	private static final long GLOBAL_COUNTER = 20_000;

	/** Parallel transactions insert FRESH + their TID. */
	private static final long FRESH = 1_000_000;

	private static final long ABSENT = Long.MIN_VALUE;

	private static final long SEED = Long.getLong("vmodb.test.seed", 20_240_611L);

	enum Kind {

		/** Serial: inserts every account. */
		SETUP,

		/** Partitioned: moves money between two accounts of one partition and bumps that partition's counter. */
		TRANSFER_IN_PARTITION,

		/** Parallel: reads two accounts and inserts a fresh row derived from them. */
		INSERT_FRESH,

		/** Serial: moves money between any two accounts and bumps the global counter. */
		TRANSFER_ANY,

		/** Serial: sums every account and counts fresh rows. */
		AUDIT,

		/** Serial: reads and deletes a fresh row an earlier parallel transaction may have inserted. */
		SWEEP

	}

	/** The state a transaction works on: the versioned store at its TID, or the oracle's map. */
	interface State {

		/** The value of a key, {@link #ABSENT} if there is none; recorded as a read. */
		long get(long key);

		void put(long key, long value);

		void insert(long key, long value);

		void delete(long key);

		/** Sum of all accounts and number of fresh rows; recorded as reads. */
		void audit();

	}

	record Txn(long tid, ExecutionMode mode, Kind kind, int partition, long a, long b, long amount) {

		void run(State state) {
			switch (this.kind) {
				case SETUP -> {
					for (long id = 0; id < ACCOUNTS; id++) {
						state.insert(id, INITIAL_BALANCE);
					}
				}
				case TRANSFER_IN_PARTITION, TRANSFER_ANY -> {
					long from = state.get(this.a);
					long to = state.get(this.b);
					long moved = this.amount % (from + 1);
					state.put(this.a, from - moved);
					state.put(this.b, to + moved);
					long counterKey = (this.kind == Kind.TRANSFER_ANY) ? GLOBAL_COUNTER : COUNTER + this.partition;
					long counter = state.get(counterKey);
					state.put(counterKey, ((counter == ABSENT) ? 0 : counter) + 1);
				}
				case INSERT_FRESH -> {
					long x = state.get(this.a);
					long y = state.get(this.b);
					state.insert(FRESH + this.tid, x * 3 + y + this.tid);
				}
				case AUDIT -> state.audit();
				case SWEEP -> {
					if (state.get(this.a) != ABSENT) {
						state.delete(this.a);
					}
				}
			}
		}

		Object partitionKey() {
			return (this.mode == ExecutionMode.PARTITIONED) ? this.partition : null;
		}

	}

	private static List<Txn> generate(Random random) {
		List<Txn> txns = new ArrayList<>(TRANSACTIONS);
		List<Long> parallelTids = new ArrayList<>();
		txns.add(new Txn(1, ExecutionMode.SERIAL, Kind.SETUP, 0, 0, 0, 0));
		long tid = 2;
		while (tid <= TRANSACTIONS) {
			int dice = random.nextInt(100);
			ExecutionMode mode = (dice < 60) ? ExecutionMode.PARTITIONED
					: (dice < 85) ? ExecutionMode.PARALLEL : ExecutionMode.SERIAL;
			int run = switch (mode) {
				case PARTITIONED -> 1 + random.nextInt(80);
				case PARALLEL -> 1 + random.nextInt(30);
				case SERIAL -> 1 + random.nextInt(3);
			};
			for (int i = 0; i < run && tid <= TRANSACTIONS; i++, tid++) {
				switch (mode) {
					case PARTITIONED -> {
						int partition = random.nextInt(PARTITIONS);
						int first = random.nextInt(ACCOUNTS / PARTITIONS);
						int second = (first + 1 + random.nextInt(ACCOUNTS / PARTITIONS - 1)) % (ACCOUNTS / PARTITIONS);
						txns.add(new Txn(tid, mode, Kind.TRANSFER_IN_PARTITION, partition,
								partition + (long) first * PARTITIONS, partition + (long) second * PARTITIONS,
								random.nextInt(300)));
					}
					case PARALLEL -> {
						txns.add(new Txn(tid, mode, Kind.INSERT_FRESH, 0, random.nextInt(ACCOUNTS),
								random.nextInt(ACCOUNTS), 0));
						parallelTids.add(tid);
					}
					case SERIAL -> {
						int kind = random.nextInt(3);
						if (kind == 0) {
							long a = random.nextInt(ACCOUNTS);
							long b = (a + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
							txns.add(new Txn(tid, mode, Kind.TRANSFER_ANY, 0, a, b, random.nextInt(500)));
						}
						else if (kind == 1 || parallelTids.isEmpty()) {
							txns.add(new Txn(tid, mode, Kind.AUDIT, 0, 0, 0, 0));
						}
						else {
							long victim = parallelTids.get(random.nextInt(parallelTids.size()));
							txns.add(new Txn(tid, mode, Kind.SWEEP, 0, FRESH + victim, 0, 0));
						}
					}
				}
			}
		}
		return txns;
	}

	/** The oracle: one transaction after the other, in TID order, on a plain map. */
	static final class OracleState implements State {

		final Map<Long, Long> rows = new HashMap<>();

		List<Long> reads;

		@Override
		public long get(long key) {
			long value = this.rows.getOrDefault(key, ABSENT);
			this.reads.add(value);
			return value;
		}

		@Override
		public void put(long key, long value) {
			this.rows.put(key, value);
		}

		@Override
		public void insert(long key, long value) {
			if (this.rows.putIfAbsent(key, value) != null) {
				throw new IllegalStateException("oracle: duplicate " + key);
			}
		}

		@Override
		public void delete(long key) {
			this.rows.remove(key);
		}

		@Override
		public void audit() {
			long sum = 0;
			long fresh = 0;
			for (Map.Entry<Long, Long> row : this.rows.entrySet()) {
				if (row.getKey() < ACCOUNTS) {
					sum += row.getValue();
				}
				else if (row.getKey() >= FRESH) {
					fresh++;
				}
			}
			this.reads.add(sum);
			this.reads.add(fresh);
		}

	}

	/** The system under test: the versioned table read and written at the transaction's TID. */
	record StoreState(VersionedTable table, TransactionContext tx, List<Long> reads) implements State {

		@Override
		public long get(long key) {
			Object[] row = this.table.read(key, this.tx.tid());
			long value = (row != null) ? (Long) row[1] : ABSENT;
			this.reads.add(value);
			return value;
		}

		@Override
		public void put(long key, long value) {
			this.table.upsert(this.tx, new Object[] { key, value });
		}

		@Override
		public void insert(long key, long value) {
			this.table.insert(this.tx, new Object[] { key, value });
		}

		@Override
		public void delete(long key) {
			if (!this.table.delete(this.tx, key)) {
				throw new IllegalStateException("TID " + this.tx.tid() + " could not delete " + key);
			}
		}

		@Override
		public void audit() {
			long[] sum = new long[2];
			this.table.forEachVisible(this.tx.tid(), row -> {
				long key = (Long) row[0];
				if (key < ACCOUNTS) {
					sum[0] += (Long) row[1];
				}
				else if (key >= FRESH) {
					sum[1]++;
				}
			});
			this.reads.add(sum[0]);
			this.reads.add(sum[1]);
		}

	}

	private static long batchOf(long tid) {
		return (tid - 1) / BATCH + 1;
	}

	private static void spin(long nanos) {
		long end = System.nanoTime() + nanos;
		while (System.nanoTime() < end) {
			Thread.onSpinWait();
		}
	}

	@Test
	void readsAtEachTidMatchASerialReplayInTidOrder() throws Exception {
		Random random = new Random(SEED);
		List<Txn> txns = generate(random);
		String seed = "seed " + SEED + " (rerun with -Dvmodb.test.seed=" + SEED + ")";

		// what the run must respect, worked out up front
		int n = txns.size();
		long[] runStart = new long[n + 1];
		Map<Integer, List<Long>> expectedPartitionOrder = new HashMap<>();
		for (Txn txn : txns) {
			int t = (int) txn.tid();
			runStart[t] = (t > 1 && txns.get(t - 2).mode() == txn.mode() && txn.mode() != ExecutionMode.SERIAL)
					? runStart[t - 1] : t;
			if (txn.mode() == ExecutionMode.PARTITIONED) {
				expectedPartitionOrder.computeIfAbsent(txn.partition(), p -> new ArrayList<>()).add(txn.tid());
			}
		}

		TableSchema schema = new TableSchema("accounts",
				List.of(new ColumnSchema("id", Long.class, List.of()), new ColumnSchema("value", Long.class, List.of())),
				List.of(0), List.of());
		VersionedStore store = new VersionedStore("bank", List.of(schema));
		VersionedTable table = store.table("accounts");
		HistoryRecorder history = new HistoryRecorder();
		store.observe(history);

		@SuppressWarnings("unchecked")
		List<Long>[] recorded = new List[n + 1];
		AtomicIntegerArray done = new AtomicIntegerArray(n + 1);
		done.set(0, 1);
		AtomicInteger running = new AtomicInteger();
		int[] serialCheckedUpTo = new int[1];
		AtomicBoolean serialRunning = new AtomicBoolean();
		AtomicInteger maxPartitioned = new AtomicInteger();
		AtomicInteger maxParallel = new AtomicInteger();
		AtomicLongArray busyPartition = new AtomicLongArray(PARTITIONS);
		Map<Integer, Queue<Long>> partitionOrder = new HashMap<>();
		expectedPartitionOrder.keySet().forEach(p -> partitionOrder.put(p, new ConcurrentLinkedQueue<>()));
		Queue<String> violations = new ConcurrentLinkedQueue<>();
		int batches = (int) batchOf(n);
		CountDownLatch[] batchDone = new CountDownLatch[batches + 1];
		for (int b = 1; b <= batches; b++) {
			batchDone[b] = new CountDownLatch((int) (Math.min((long) b * BATCH, n) - (long) (b - 1) * BATCH));
		}
		CountDownLatch allDone = new CountDownLatch(n);

		List<ScheduledTask> tasks = new ArrayList<>(n);
		for (Txn txn : txns) {
			int t = (int) txn.tid();
			Runnable body = () -> {
				try {
					int now = running.incrementAndGet();
					switch (txn.mode()) {
						case SERIAL -> {
							if (now != 1 || !serialRunning.compareAndSet(false, true)) {
								violations.add("serial TID " + t + " started while " + (now - 1) + " others ran");
							}
							// serial tasks run alone, so this watermark is theirs alone
							for (int earlier = serialCheckedUpTo[0] + 1; earlier < t; earlier++) {
								if (done.get(earlier) == 0) {
									violations.add("serial TID " + t + " started before TID " + earlier + " finished");
								}
							}
							serialCheckedUpTo[0] = t;
						}
						case PARTITIONED -> {
							maxPartitioned.accumulateAndGet(now, Math::max);
							if (!busyPartition.compareAndSet(txn.partition(), 0, t)) {
								violations.add("TID " + t + " overlapped TID " + busyPartition.get(txn.partition())
										+ " in partition " + txn.partition());
							}
							partitionOrder.get(txn.partition()).add(txn.tid());
						}
						case PARALLEL -> maxParallel.accumulateAndGet(now, Math::max);
					}
					if (txn.mode() != ExecutionMode.SERIAL) {
						if (serialRunning.get()) {
							violations.add(txn.mode() + " TID " + t + " overlapped a serial task");
						}
						for (long earlier = runStart[t] - 1; earlier >= 1 && earlier >= runStart[(int) runStart[t] - 1]; earlier--) {
							if (done.get((int) earlier) == 0) {
								violations.add(txn.mode() + " TID " + t + " started before TID " + earlier
										+ " of the previous run finished");
							}
						}
					}
					List<Long> reads = new ArrayList<>(4);
					TransactionContext tx = new TransactionContext(t, batchOf(t), TransactionType.READ_WRITE);
					tx.callBound(() -> { // bound, as the runtime does, so that the history sees its reads
						txn.run(new StoreState(table, tx, reads));
						return null;
					});
					recorded[t] = reads;
					if (txn.mode() == ExecutionMode.PARTITIONED) {
						spin(20_000); // a little work, so that partitioned tasks reliably overlap on two cores
						busyPartition.set(txn.partition(), 0);
					}
					if (txn.mode() == ExecutionMode.SERIAL) {
						if (running.get() != 1) {
							violations.add("serial TID " + t + " overlapped " + (running.get() - 1) + " tasks");
						}
						serialRunning.set(false);
					}
				}
				catch (Throwable ex) {
					violations.add("TID " + t + " failed: " + ex);
				}
				finally {
					running.decrementAndGet();
					done.set(t, 1);
					batchDone[(int) batchOf(t)].countDown();
					allDone.countDown();
				}
			};
			tasks.add(new ScheduledTask(t, t - 1, txn.mode(), txn.partitionKey(), body));
		}
		Collections.shuffle(tasks, random);

		ExecutorService threads = Executors.newFixedThreadPool(SUBMITTERS + 2);
		AtomicBoolean finished = new AtomicBoolean();
		try (VmsScheduler scheduler = new VmsScheduler("bank", LANES, 0)) {
			long started = System.nanoTime();
			// batches commit in order as soon as all their transactions ran, while later ones run: this prunes
			Future<?> committer = threads.submit(() -> {
				for (int b = 1; b <= batches; b++) {
					batchDone[b].await();
					store.commit(b, Math.min((long) b * BATCH, n));
				}
				return null;
			});
			// readers see committed states only: the accounts always hold all the money
			Future<Integer> reader = threads.submit(() -> {
				int snapshots = 0;
				while (!finished.get()) {
					try (Snapshot snapshot = store.openSnapshot()) {
						if (snapshot.tid() > 0) {
							long[] sum = new long[1];
							table.forEachVisible(snapshot.tid(),
									row -> sum[0] += ((Long) row[0] < ACCOUNTS) ? (Long) row[1] : 0);
							if (sum[0] != ACCOUNTS * INITIAL_BALANCE) {
								violations.add("snapshot at TID " + snapshot.tid() + " holds " + sum[0]);
							}
							snapshots++;
						}
					}
					Thread.sleep(1);
				}
				return snapshots;
			});
			List<Future<?>> submitters = new ArrayList<>();
			for (int s = 0; s < SUBMITTERS; s++) {
				List<ScheduledTask> share = tasks.subList(s * n / SUBMITTERS, (s + 1) * n / SUBMITTERS);
				submitters.add(threads.submit(() -> share.forEach(scheduler::submit)));
			}
			for (Future<?> submitter : submitters) {
				submitter.get(30, TimeUnit.SECONDS);
			}
			assertThat(allDone.await(60, TimeUnit.SECONDS)).as("all tasks ran; %s", seed).isTrue();
			committer.get(30, TimeUnit.SECONDS);
			finished.set(true);
			int snapshots = reader.get(30, TimeUnit.SECONDS);
			System.out.printf("VmsSchedulerConcurrencyTests: %d transactions in %d ms, max %d partitioned and %d parallel"
					+ " tasks at once, %d snapshots checked%n", n, (System.nanoTime() - started) / 1_000_000,
					maxPartitioned.get(), maxParallel.get(), snapshots);
			assertThat(scheduler.lastDispatched()).isEqualTo(n);
		}
		finally {
			finished.set(true);
			threads.shutdownNow();
		}

		assertThat(violations.stream().limit(20).toList()).as("%d violations (first 20 shown); %s", violations.size(), seed)
			.isEmpty();

		// the oracle
		OracleState oracle = new OracleState();
		for (Txn txn : txns) {
			oracle.reads = new ArrayList<>(4);
			txn.run(oracle);
			assertThat(recorded[(int) txn.tid()]).as("reads of %s; %s", txn, seed).isEqualTo(oracle.reads);
		}
		Map<Long, Long> finalState = new HashMap<>();
		table.forEachVisible(n, row -> finalState.put((Long) row[0], (Long) row[1]));
		assertThat(finalState).as(seed).isEqualTo(oracle.rows);
		try (Snapshot snapshot = store.openSnapshot()) {
			assertThat(snapshot.tid()).isEqualTo(n);
		}
		// a reader's snapshot may have held back the pruning of the last batches: the next commit catches up
		store.commit(batches + 1, n);
		assertThat(table.keyCount()).as("pruning dropped every deleted row").isEqualTo(oracle.rows.size());

		for (Map.Entry<Integer, List<Long>> partition : expectedPartitionOrder.entrySet()) {
			assertThat(partitionOrder.get(partition.getKey())).as("partition %d; %s", partition.getKey(), seed)
				.containsExactlyElementsOf(partition.getValue());
		}
		assertThat(maxPartitioned.get()).as("partitioned tasks of different partitions ran at once").isGreaterThan(1);
		// the same verdict from the recorded history alone: what every transaction read and wrote
		SerializabilityReport report = new SerializabilityChecker().check(history.snapshot());
		assertThat(report.serialInTidOrder()).as("%s; %s", report.describe(), seed).isTrue();
		assertThat(report.transactions()).isEqualTo(n);
		// the workload itself is not trivial
		assertThat(oracle.rows.keySet().stream().filter(k -> k >= FRESH).count()).isPositive();
		assertThat(txns.stream().filter(t -> t.kind() == Kind.SWEEP).count()).isPositive();
	}

	@Test
	void tasksRunInTidOrderWhateverOrderTheyArriveIn() throws Exception {
		List<Long> order = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch latch = new CountDownLatch(5);
		try (VmsScheduler scheduler = new VmsScheduler("bank", 2, 10)) {
			for (long tid : new long[] { 14, 12, 15, 11, 13 }) {
				scheduler.submit(new ScheduledTask(tid, tid - 1, ExecutionMode.SERIAL, null, () -> {
					order.add(tid);
					latch.countDown();
				}));
				if (tid == 14) {
					Thread.sleep(20);
					assertThat(order).as("14 waits for its predecessors").isEmpty();
				}
			}
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(order).containsExactly(11L, 12L, 13L, 14L, 15L);
			assertThat(scheduler.lastDispatched()).isEqualTo(15);
		}
	}

	@Test
	void aFailingTaskDoesNotStopTheTasksAfterIt() throws Exception {
		CountDownLatch latch = new CountDownLatch(1);
		Logger logger = Logger.getLogger(VmsScheduler.class.getName());
		Level level = logger.getLevel();
		logger.setLevel(Level.OFF); // the scheduler logs the escaped failure; expected here
		try (VmsScheduler scheduler = new VmsScheduler("bank", 2, 0)) {
			scheduler.submit(new ScheduledTask(1, 0, ExecutionMode.PARTITIONED, "p", () -> {
				throw new IllegalStateException("expected by the test");
			}));
			scheduler.submit(new ScheduledTask(2, 1, ExecutionMode.PARTITIONED, "p", latch::countDown));
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			logger.setLevel(level);
		}
	}

	@Test
	void twoTasksNamingTheSamePredecessorAreRejected() {
		try (VmsScheduler scheduler = new VmsScheduler("bank", 1, 0)) {
			scheduler.submit(new ScheduledTask(3, 2, ExecutionMode.SERIAL, null, () -> {
			}));
			assertThatIllegalStateException()
				.isThrownBy(() -> scheduler.submit(new ScheduledTask(4, 2, ExecutionMode.SERIAL, null, () -> {
				})))
				.withMessageContaining("bank")
				.withMessageContaining("predecessor 2");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new ScheduledTask(5, 5, ExecutionMode.SERIAL, null, () -> {
		}));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScheduledTask(5, 4, ExecutionMode.PARTITIONED, null, () -> {
			}))
			.withMessageContaining("partition key");
	}

}
