package dev.vmodb.core.runtime;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.Parallel;
import dev.vmodb.core.api.PartitionBy;
import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.checkpoint.CheckpointSink;
import dev.vmodb.core.metadata.VmsDefinitionReader;
import dev.vmodb.core.schema.ColumnSchema;
import dev.vmodb.core.schema.Constraints;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.CommitMark;
import dev.vmodb.core.store.Snapshot;
import dev.vmodb.core.store.TableChanges;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.tx.TransactionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One VMS run by a real {@link VmsRuntime} (handlers read from annotations, scheduler, versioned store,
 * checkpointer) behind the in-process {@link LocalBatchCoordinator}, under many concurrent submissions.
 *
 * <p>The checkpoint sink is an in-memory double that records what it is given; the H2 sink is tested with the
 * JPA bridge.
 */
class LocalBatchCoordinatorIntegrationTests {

	static final int ACCOUNTS = 200;

	static final int BRANCHES = 10;

	static final long INITIAL_BALANCE = 1_000;

	static final long TOTAL = ACCOUNTS * INITIAL_BALANCE;

	/** Accounts opened by the workload get ids from here on. */
	static final long OPENED = 100_000;

	record Seed(int accounts, long balance) {
	}

	/** A transfer between two accounts of one branch (account id modulo {@link #BRANCHES}). */
	record Transfer(Integer branch, long from, long to, long amount) {
	}

	/** A transfer between any two accounts. */
	record Move(long from, long to, long amount) {
	}

	record Transferred(long fromBalance, long toBalance) {
	}

	record OpenAccount(long id) {
	}

	record CloseAccount(long id, long heir) {
	}

	record Fail(String reason) {
	}

	record Audit(int nonce) {
	}

	record Audited(long total, long accounts) {
	}

	static TableSchema accountsTable() {
		return new TableSchema("accounts",
				List.of(new ColumnSchema("id", Long.class, List.of()),
						new ColumnSchema("branch", Integer.class, List.of(Constraints.notNull())),
						new ColumnSchema("balance", Long.class, List.of(Constraints.min(BigDecimal.ZERO, true)))),
				List.of(0), List.of());
	}

	/** The VMS under test: its handlers write through the versioned table at the current transaction. */
	@VirtualMicroservice("bank")
	public static class BankVms {

		private final VersionedTable accounts;

		BankVms(VersionedTable accounts) {
			this.accounts = accounts;
		}

		private static TransactionContext tx() {
			return TransactionContext.current();
		}

		private Object[] row(long id) {
			Object[] row = this.accounts.read(id, tx().tid());
			if (row == null) {
				throw new IllegalArgumentException("no account " + id);
			}
			return row;
		}

		private Transferred move(long from, long to, long amount) {
			Object[] toRow = row(to);
			Object[] fromRow = row(from);
			// credit first: when the debit breaks the balance constraint, the credit must not survive
			long toBalance = (Long) toRow[2] + amount;
			this.accounts.update(tx(), new Object[] { to, toRow[1], toBalance });
			long fromBalance = (Long) fromRow[2] - amount;
			this.accounts.update(tx(), new Object[] { from, fromRow[1], fromBalance });
			return new Transferred(fromBalance, toBalance);
		}

		@Inbound(value = "seed", type = TransactionType.WRITE)
		public void seed(Seed seed) {
			for (long id = 0; id < seed.accounts(); id++) {
				this.accounts.insert(tx(), new Object[] { id, (int) (id % BRANCHES), seed.balance() });
			}
		}

		@Inbound("transfer")
		@Outbound("transferred")
		@PartitionBy("branch")
		public Transferred transfer(Transfer transfer) {
			return move(transfer.from(), transfer.to(), transfer.amount());
		}

		@Inbound("move")
		@Outbound("moved")
		public Transferred move(Move move) {
			return move(move.from(), move.to(), move.amount());
		}

		@Parallel
		@Inbound(value = "open_account", type = TransactionType.WRITE)
		public void open(OpenAccount open) {
			this.accounts.insert(tx(), new Object[] { open.id(), (int) (open.id() % BRANCHES), 0L });
		}

		@Inbound("close_account")
		public void close(CloseAccount close) {
			Object[] closing = this.accounts.read(close.id(), tx().tid());
			if (closing == null) {
				return; // not opened yet, or closed already
			}
			Object[] heir = row(close.heir());
			this.accounts.update(tx(), new Object[] { close.heir(), heir[1], (Long) heir[2] + (Long) closing[2] });
			this.accounts.delete(tx(), close.id());
		}

		@Inbound("fail")
		public void fail(Fail fail) {
			Object[] rich = row(0);
			this.accounts.update(tx(), new Object[] { 0L, rich[1], (Long) rich[2] + 1_000_000 });
			this.accounts.insert(tx(), new Object[] { 999_999L, 9, 5L });
			throw new IllegalStateException(fail.reason());
		}

		@Inbound(value = "audit", type = TransactionType.READ)
		@Outbound("audited")
		public Audited audit(Audit audit) {
			long[] sums = new long[2];
			this.accounts.forEachVisible(tx().tid(), row -> {
				sums[0] += (Long) row[2];
				sums[1]++;
			});
			return new Audited(sums[0], sums[1]);
		}

	}

	/** A checkpoint sink that keeps what it is given in memory and records every checkpoint. */
	static final class RecordingSink implements CheckpointSink {

		final Map<Object, Object[]> rows = new HashMap<>();

		final List<CommitMark> checkpoints = new ArrayList<>();

		final List<Integer> sizes = new ArrayList<>();

		@Override
		public synchronized Optional<CommitMark> lastCheckpoint() {
			return this.checkpoints.isEmpty() ? Optional.empty() : Optional.of(this.checkpoints.get(this.checkpoints.size() - 1));
		}

		@Override
		public synchronized void loadRows(TableSchema table, Consumer<Object[]> consumer) {
			assertThat(table.name()).isEqualTo("accounts");
			this.rows.values().forEach(consumer);
		}

		@Override
		public synchronized void write(List<TableChanges> changes, CommitMark checkpoint) {
			CommitMark last = lastCheckpoint().orElse(CommitMark.INITIAL);
			if (checkpoint.batch() <= last.batch() || checkpoint.tid() < last.tid()) {
				throw new AssertionError("checkpoint " + checkpoint + " after " + last);
			}
			int size = 0;
			for (TableChanges table : changes) {
				for (Object[] row : table.upserts()) {
					this.rows.put(table.table().keyOf(row), row.clone());
				}
				table.deletes().forEach(this.rows::remove);
				size += table.size();
			}
			this.checkpoints.add(checkpoint);
			this.sizes.add(size);
		}

		synchronized Map<Long, Long> balances() {
			Map<Long, Long> balances = new TreeMap<>();
			this.rows.forEach((key, row) -> balances.put((Long) key, (Long) row[2]));
			return balances;
		}

	}

	/** A bank VMS with its store, runtime and coordinator. */
	static final class Bank implements AutoCloseable {

		final VersionedStore store = new VersionedStore("bank", List.of(accountsTable()));

		final VmsRuntime runtime;

		final LocalBatchCoordinator coordinator;

		Bank(RecordingSink sink) {
			BankVms vms = new BankVms(this.store.table("accounts"));
			this.runtime = new VmsRuntime(new VmsDefinitionReader().read(vms), this.store, sink,
					new RuntimeSettings(4, Duration.ofMillis(2)));
			this.coordinator = new LocalBatchCoordinator(List.of(this.runtime), new BatchPolicy(Duration.ofMillis(2), 500));
		}

		Map<Long, Long> committedBalances() {
			Map<Long, Long> balances = new TreeMap<>();
			try (Snapshot snapshot = this.store.openSnapshot()) {
				this.store.table("accounts").forEachVisible(snapshot.tid(), row -> balances.put((Long) row[0], (Long) row[2]));
			}
			return balances;
		}

		@Override
		public void close() {
			this.coordinator.close();
			this.runtime.close();
		}

	}

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private final ExecutorService threads = Executors.newFixedThreadPool(6);

	@AfterEach
	void close() throws Exception {
		this.threads.shutdownNow();
		Collections.reverse(this.closeables);
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	private Bank bank(RecordingSink sink) {
		Bank bank = new Bank(sink);
		this.closeables.add(bank);
		return bank;
	}

	private static TransactionResult await(CompletableFuture<TransactionResult> future) throws Exception {
		return future.get(10, TimeUnit.SECONDS);
	}

	private static TransactionAbortedException abortOf(CompletableFuture<TransactionResult> future) {
		try {
			TransactionResult result = future.get(10, TimeUnit.SECONDS);
			throw new AssertionError("expected an abort, got " + result);
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).isInstanceOf(TransactionAbortedException.class);
			return (TransactionAbortedException) ex.getCause();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/** One submission of the workload and what became of it. */
	record Submission(int thread, int index, String event, Record payload, CompletableFuture<TransactionResult> future) {

		long tid() {
			try {
				return this.future.join().tid();
			}
			catch (CompletionException ex) {
				return ((TransactionAbortedException) ex.getCause()).tid();
			}
		}

	}

	private static Submission next(Random random, int thread, int index, int threads) {
		int dice = random.nextInt(100);
		if (dice < 68) {
			int branch = random.nextInt(BRANCHES);
			int perBranch = ACCOUNTS / BRANCHES;
			long from = branch + (long) BRANCHES * random.nextInt(perBranch);
			long to = branch + (long) BRANCHES * ((from / BRANCHES + 1 + random.nextInt(perBranch - 1)) % perBranch);
			return new Submission(thread, index, "transfer", new Transfer(branch, from, to, random.nextInt(700)), null);
		}
		if (dice < 78) {
			long from = random.nextInt(ACCOUNTS);
			long to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
			return new Submission(thread, index, "move", new Move(from, to, random.nextInt(700)), null);
		}
		if (dice < 87) {
			return new Submission(thread, index, "open_account", new OpenAccount(OPENED + (long) index * threads + thread), null);
		}
		if (dice < 92) {
			long id = OPENED + random.nextInt(Math.max(1, index * threads));
			return new Submission(thread, index, "close_account", new CloseAccount(id, random.nextInt(ACCOUNTS)), null);
		}
		if (dice < 94) {
			return new Submission(thread, index, "fail", new Fail("failure " + thread + "/" + index), null);
		}
		return new Submission(thread, index, "audit", new Audit(index), null);
	}

	/** The oracle: the same events applied one by one in TID order to a map; returns the output, or null on abort. */
	static final class Oracle {

		final Map<Long, Long> balances = new TreeMap<>();

		/** @return the output event, {@link #NONE} for a commit without one, or {@code null} for an abort */
		Object apply(Record event) {
			if (event instanceof Seed seed) {
				for (long id = 0; id < seed.accounts(); id++) {
					this.balances.put(id, seed.balance());
				}
				return NONE;
			}
			if (event instanceof Transfer transfer) {
				return move(transfer.from(), transfer.to(), transfer.amount());
			}
			if (event instanceof Move move) {
				return move(move.from(), move.to(), move.amount());
			}
			if (event instanceof OpenAccount open) {
				return (this.balances.putIfAbsent(open.id(), 0L) == null) ? NONE : null;
			}
			if (event instanceof CloseAccount close) {
				Long closing = this.balances.remove(close.id());
				if (closing != null) {
					this.balances.merge(close.heir(), closing, Long::sum);
				}
				return NONE;
			}
			if (event instanceof Fail) {
				return null;
			}
			if (event instanceof Audit) {
				return new Audited(this.balances.values().stream().mapToLong(Long::longValue).sum(), this.balances.size());
			}
			throw new IllegalArgumentException(event.toString());
		}

		private Object move(long from, long to, long amount) {
			long fromBalance = this.balances.get(from) - amount;
			if (fromBalance < 0) {
				return null;
			}
			long toBalance = this.balances.get(to) + amount;
			this.balances.put(from, fromBalance);
			this.balances.put(to, toBalance);
			return new Transferred(fromBalance, toBalance);
		}

		static final Object NONE = new Object();

	}

	@Test
	void concurrentSubmissionsCommitAsASerialExecutionInTidOrder() throws Exception {
		RecordingSink sink = new RecordingSink();
		Bank bank = bank(sink);
		TransactionResult seeded = await(bank.coordinator.submit("seed", new Seed(ACCOUNTS, INITIAL_BALANCE)));
		assertThat(seeded.tid()).isEqualTo(1);

		// readers: every committed snapshot holds all the money, in the same number of accounts as some serial prefix
		AtomicBoolean finished = new AtomicBoolean();
		Queue<String> violations = new ConcurrentLinkedQueue<>();
		List<Future<Integer>> readers = new ArrayList<>();
		for (int r = 0; r < 2; r++) {
			readers.add(this.threads.submit(() -> {
				int snapshots = 0;
				VersionedTable accounts = bank.store.table("accounts");
				while (!finished.get()) {
					try (Snapshot snapshot = bank.store.openSnapshot()) {
						long[] total = new long[1];
						accounts.forEachVisible(snapshot.tid(), row -> total[0] += (Long) row[2]);
						if (total[0] != TOTAL) {
							violations.add("snapshot " + snapshot.mark() + " holds " + total[0]);
						}
					}
					snapshots++;
					Thread.sleep(0, 200_000);
				}
				return snapshots;
			}));
		}

		int submitters = 4;
		int perSubmitter = 2_500;
		long started = System.nanoTime();
		List<Future<List<Submission>>> submitted = new ArrayList<>();
		for (int t = 0; t < submitters; t++) {
			int thread = t;
			submitted.add(this.threads.submit(() -> {
				Random random = new Random(1_000 + thread);
				List<Submission> mine = new ArrayList<>(perSubmitter);
				for (int i = 0; i < perSubmitter; i++) {
					Submission s = next(random, thread, i, submitters);
					mine.add(new Submission(thread, i, s.event(), s.payload(), bank.coordinator.submit(s.event(), s.payload())));
				}
				return mine;
			}));
		}
		List<Submission> all = new ArrayList<>();
		for (Future<List<Submission>> future : submitted) {
			all.addAll(future.get(30, TimeUnit.SECONDS));
		}
		CompletableFuture.allOf(all.stream().map(Submission::future).toArray(CompletableFuture[]::new))
			.handle((ignored, ex) -> null)
			.get(60, TimeUnit.SECONDS);
		long elapsedMs = (System.nanoTime() - started) / 1_000_000;
		finished.set(true);
		int snapshots = 0;
		for (Future<Integer> reader : readers) {
			snapshots += reader.get(10, TimeUnit.SECONDS);
		}
		assertThat(all).hasSize(submitters * perSubmitter).allSatisfy(s -> assertThat(s.future()).isDone());
		assertThat(violations.stream().limit(10).toList()).as("%d inconsistent snapshots", violations.size()).isEmpty();
		assertThat(snapshots).isPositive();

		// TIDs: unique and contiguous after the seed; each submitter's TIDs follow its submission order
		Map<Long, Submission> byTid = new TreeMap<>();
		for (Submission s : all) {
			assertThat(byTid.put(s.tid(), s)).as("TID %d given twice", s.tid()).isNull();
		}
		assertThat(byTid.keySet()).containsExactlyElementsOf(
				java.util.stream.LongStream.rangeClosed(2, 1 + all.size()).boxed().toList());
		for (int t = 0; t < submitters; t++) {
			int thread = t;
			List<Long> tids = all.stream().filter(s -> s.thread() == thread).map(Submission::tid).toList();
			assertThat(tids).isSorted();
		}

		// outcomes: exactly those of the serial execution in TID order, batch numbers never going back
		Oracle oracle = new Oracle();
		oracle.apply(new Seed(ACCOUNTS, INITIAL_BALANCE));
		long lastBatch = seeded.batch();
		int aborts = 0;
		Set<Long> batches = new HashSet<>();
		for (Submission s : byTid.values()) {
			Object expected = oracle.apply(s.payload());
			if (expected == null) {
				TransactionAbortedException abort = abortOf(s.future());
				assertThat(abort.tid()).isEqualTo(s.tid());
				assertThat(abort.vms()).isEqualTo("bank");
				assertThat(abort.getMessage()).contains("bank").contains(abort.handler());
				if (s.payload() instanceof Fail fail) {
					assertThat(abort.handler()).isEqualTo("BankVms.fail");
					assertThat(abort.getMessage()).contains(fail.reason());
					assertThat(abort.getCause()).isInstanceOf(IllegalStateException.class);
				}
				else if (!(s.payload() instanceof OpenAccount)) {
					assertThat(abort.getMessage()).contains("accounts.balance");
				}
				aborts++;
			}
			else {
				TransactionResult result = s.future().join();
				assertThat(result.tid()).isEqualTo(s.tid());
				assertThat(result.output()).as("output of TID %d (%s)", s.tid(), s.payload())
					.isEqualTo((expected == Oracle.NONE) ? null : expected);
				assertThat(result.batch()).isGreaterThanOrEqualTo(lastBatch);
				lastBatch = result.batch();
				batches.add(result.batch());
			}
		}
		assertThat(aborts).as("the workload aborts some transactions").isBetween(100, all.size() / 2);
		assertThat(batches.size()).as("batches").isGreaterThan(2);

		// the committed state is the oracle's, and it holds all the money
		Map<Long, Long> committed = bank.committedBalances();
		assertThat(differences(oracle.balances, committed)).as("committed state vs. oracle").isEmpty();
		assertThat(committed.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(TOTAL);
		assertThat(committed).doesNotContainKey(999_999L);
		assertThat(bank.store.committed().tid()).isEqualTo(1 + all.size());

		// closing checkpoints the last batch: the sink holds exactly the committed state
		bank.close();
		this.closeables.remove(bank);
		assertThat(sink.lastCheckpoint()).contains(bank.store.committed());
		assertThat(differences(oracle.balances, sink.balances())).as("checkpointed state vs. oracle").isEmpty();
		System.out.printf("LocalBatchCoordinatorIntegrationTests: %d transactions (%d aborted) in %d ms, %d batches,"
				+ " %d checkpoints, %d snapshots checked%n", all.size(), aborts, elapsedMs, batches.size(),
				sink.checkpoints.size(), snapshots);

		// a new runtime over the same database recovers that state and continues the TIDs after it
		Bank recovered = bank(sink);
		assertThat(recovered.store.committed()).isEqualTo(bank.store.committed());
		assertThat(differences(oracle.balances, recovered.committedBalances())).as("recovered state vs. oracle").isEmpty();
		TransactionResult audit = await(recovered.coordinator.submit("audit", new Audit(-1)));
		assertThat(audit.tid()).isEqualTo(bank.store.committed().tid() + 1);
		assertThat(audit.output()).isEqualTo(new Audited(TOTAL, oracle.balances.size()));
	}

	/** The keys whose values differ (at most 20), so that a failure shows what is wrong rather than two huge maps. */
	static List<String> differences(Map<Long, Long> expected, Map<Long, Long> actual) {
		Set<Long> keys = new java.util.TreeSet<>(expected.keySet());
		keys.addAll(actual.keySet());
		return keys.stream()
			.filter(key -> !java.util.Objects.equals(expected.get(key), actual.get(key)))
			.limit(20)
			.map(key -> "account " + key + ": expected " + expected.get(key) + ", got " + actual.get(key))
			.toList();
	}

	@Test
	void failingHandlerAbortsWithItsVmsAndHandlerAndLeavesNoWrite() throws Exception {
		Bank bank = bank(new RecordingSink());
		await(bank.coordinator.submit("seed", new Seed(4, 100)));

		CompletableFuture<TransactionResult> failed = bank.coordinator.submit("fail", new Fail("card declined"));
		CompletableFuture<TransactionResult> overdrawn = bank.coordinator.submit("move", new Move(1, 2, 101));
		CompletableFuture<TransactionResult> after = bank.coordinator.submit("audit", new Audit(1));

		TransactionAbortedException abort = abortOf(failed);
		assertThat(abort.tid()).isEqualTo(2);
		assertThat(abort.vms()).isEqualTo("bank");
		assertThat(abort.handler()).isEqualTo("BankVms.fail");
		assertThat(abort).hasMessageContaining("Transaction 2").hasMessageContaining("'bank'")
			.hasMessageContaining("BankVms.fail").hasMessageContaining("card declined");

		TransactionAbortedException violation = abortOf(overdrawn);
		assertThat(violation.handler()).isEqualTo("BankVms.move");
		assertThat(violation).hasMessageContaining("accounts.balance").hasMessageContaining("must be >= 0");

		// the later transaction read neither the failed one's writes nor the overdrawn one's credit
		assertThat(await(after).output()).isEqualTo(new Audited(400, 4));
		assertThat(bank.committedBalances()).isEqualTo(Map.of(0L, 100L, 1L, 100L, 2L, 100L, 3L, 100L));
	}

	@Test
	void eventWithANullPartitionValueRunsAloneInsteadOfStallingTheVms() throws Exception {
		Bank bank = bank(new RecordingSink());
		await(bank.coordinator.submit("seed", new Seed(BRANCHES * 2, 100)));

		CompletableFuture<TransactionResult> unpartitioned;
		try {
			unpartitioned = bank.coordinator.submit("transfer", new Transfer(null, 0, BRANCHES, 10));
		}
		catch (RuntimeException ex) {
			unpartitioned = CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<TransactionResult> next = bank.coordinator.submit("transfer", new Transfer(1, 1, 1 + BRANCHES, 5));

		assertThat(await(next).output()).as("the VMS goes on").isEqualTo(new Transferred(95, 105));
		assertThat(await(unpartitioned).output()).isEqualTo(new Transferred(90, 110));
	}

	@Test
	void unknownEventsAndWrongPayloadsAreRefusedAtSubmission() {
		Bank bank = bank(new RecordingSink());
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> bank.coordinator.submit("withdraw", new Audit(1)))
			.withMessageContaining("withdraw")
			.withMessageContaining("transfer");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> bank.coordinator.submit("transfer", new Audit(1)))
			.withMessageContaining(Transfer.class.getName())
			.withMessageContaining(Audit.class.getName());
		assertThat(bank.store.committed()).as("nothing was submitted, nothing commits").isEqualTo(CommitMark.INITIAL);
	}

}
