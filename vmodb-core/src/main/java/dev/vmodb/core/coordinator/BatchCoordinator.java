package dev.vmodb.core.coordinator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.vmodb.core.log.LogWriter;
import dev.vmodb.core.monitor.CoordinatorStatus;
import dev.vmodb.core.monitor.EngineListener;
import dev.vmodb.core.protocol.Abort;
import dev.vmodb.core.protocol.BatchCommitted;
import dev.vmodb.core.protocol.BatchDone;
import dev.vmodb.core.protocol.BatchRerun;
import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.ControlRecord;
import dev.vmodb.core.protocol.Delivery;
import dev.vmodb.core.protocol.EventBatch;
import dev.vmodb.core.protocol.ProtocolCodec;
import dev.vmodb.core.protocol.ReadFrom;
import dev.vmodb.core.protocol.Repeat;
import dev.vmodb.core.protocol.Result;
import dev.vmodb.core.protocol.Submission;
import dev.vmodb.core.protocol.SubmissionRecord;
import dev.vmodb.core.protocol.TopologyAnnounced;
import dev.vmodb.core.topology.PlanNode;
import dev.vmodb.core.topology.Topology;
import dev.vmodb.core.topology.TransactionPlan;

/**
 * Sequences submissions into batches and commits batches: the coordinator role.
 *
 * <p>Submissions reach it from the input log, so they are durable before they get a TID. TIDs follow input log
 * order (partitions merged in partition order per batch). A batch is sealed {@link BatchPolicy#window()} after
 * its first submission or at {@link BatchPolicy#maxSize()} transactions: the coordinator writes the sealing
 * decision to the control log, then hands each input event to the VMSs whose handlers take it. A batch commits
 * once every VMS its transactions touch has reported it finished (a VMS reports a batch only after finishing every
 * earlier one) and every earlier batch has committed: the coordinator then writes the commit decision to the control
 * log, which is the commit point. Batches pipeline: VMSs start batch N+1 while N waits for its reports.
 *
 * <p>Aborts. A transaction that fails in one handler may have written in others, and later transactions may have
 * read those versions. VMSs report, with each batch, which transactions read versions of transactions whose outcome
 * they did not know yet. When a batch is ready, the coordinator looks for the first transaction that read a version of
 * an aborted one (of this batch, or of a batch committed while the reader ran). If there is none, it commits the
 * batch, and every VMS removes the aborted transactions' versions as it applies the commit: nobody saw them, so
 * nothing else changes. Otherwise it writes a {@link BatchRerun}: every VMS removes the versions of the batch's
 * aborted transactions before that reader and of every transaction from the reader on, and executes the latter again
 * from their logged inputs, in the same TID order. The reader now sees the state without the aborted transactions,
 * and the batch is decided again once its participants report the re-run. Each re-run starts after the previous
 * one's reader (everything before it is final), so a batch is decided after at most as many re-runs as it has
 * transactions.
 *
 * <p>Idempotency keys. A submission may carry a key. The first transaction with a key runs; a later one with the
 * same key (a resubmission, say after the submitter restarted) gets a TID but runs nowhere: its batch's commit
 * decision carries the first transaction's outcome for it. Batches are decided in TID order, so that outcome is
 * known by then. The coordinator retains the keys of the last {@code idempotencyKeysRetained} keyed transactions;
 * an older key runs again. Keys and outcomes are in the control log, so a resuming coordinator rebuilds them.
 *
 * <p>Time. Each sealing decision carries the coordinator's wall-clock time, never earlier than the previous
 * batch's: handlers read it as the time of their transaction, so a re-run or a replay sees the same time.
 */
public final class BatchCoordinator implements AutoCloseable {

	private static final Logger logger = Logger.getLogger(BatchCoordinator.class.getName());

	private static final String COORDINATOR = "";

	/** How many idempotency keys a coordinator retains unless told otherwise. */
	public static final int DEFAULT_IDEMPOTENCY_KEYS_RETAINED = 100_000;

	private final Topology topology;

	private final BatchPolicy policy;

	private final LogWriter log;

	private final int maxDeliveriesPerRecord;

	private final Clock clock;

	private final ScheduledExecutorService timer;

	private final TreeMap<Long, SealedBatch> uncommitted = new TreeMap<>();

	/**
	 * Aborted TIDs of committed batches, per batch, kept while a report may still name them as read: until every
	 * batch sealed before that commit is decided. (A VMS reads the commit before any batch sealed after it, and then
	 * knows the outcome itself.)
	 */
	private final TreeMap<Long, CommittedAborts> committedAborts = new TreeMap<>();

	private final AbortStatistics statistics = new AbortStatistics();

	private final IdempotencyKeys keys;

	/** The input records of batches sealed before a resume, to send their events again if undecided. */
	private final InputReplay replay = new InputReplay();

	private OpenBatch open;

	private volatile EngineListener listener = EngineListener.NONE;

	/** Why this coordinator can no longer make progress, once it cannot. */
	private volatile String stalled;

	// volatile: status() reads them without the lock, so it never waits for a thread that waits for the log
	private volatile long lastTid;

	private long lastBatch;

	private volatile long lastSealed;

	private volatile long lastCommitted;

	/** The sealing time of the last sealed batch: the next is never earlier. */
	private long lastSealedAt;

	/** The epoch of the last {@link BatchRerun}: only reports of it count. */
	private long epoch;

	/**
	 * Creates a coordinator that retains the default number of idempotency keys
	 * ({@value #DEFAULT_IDEMPOTENCY_KEYS_RETAINED}).
	 * @param topology the validated topology it sequences transactions for
	 * @param policy when to seal batches
	 * @param log the log
	 * @param maxDeliveriesPerRecord how many input events to pack into one event log record at most
	 */
	public BatchCoordinator(Topology topology, BatchPolicy policy, LogWriter log, int maxDeliveriesPerRecord) {
		this(topology, policy, log, maxDeliveriesPerRecord, DEFAULT_IDEMPOTENCY_KEYS_RETAINED);
	}

	/**
	 * Creates a coordinator.
	 * @param topology the validated topology it sequences transactions for
	 * @param policy when to seal batches
	 * @param log the log
	 * @param maxDeliveriesPerRecord how many input events to pack into one event log record at most
	 * @param idempotencyKeysRetained how many idempotency keys (the latest) to answer repeats of; 0 for none
	 */
	public BatchCoordinator(Topology topology, BatchPolicy policy, LogWriter log, int maxDeliveriesPerRecord,
			int idempotencyKeysRetained) {
		this(topology, policy, log, maxDeliveriesPerRecord, idempotencyKeysRetained, Clock.systemUTC());
	}

	/**
	 * Creates a coordinator with its own clock for sealing times.
	 * @param topology the validated topology it sequences transactions for
	 * @param policy when to seal batches
	 * @param log the log
	 * @param maxDeliveriesPerRecord how many input events to pack into one event log record at most
	 * @param idempotencyKeysRetained how many idempotency keys (the latest) to answer repeats of; 0 for none
	 * @param clock the wall clock whose time sealed batches carry
	 */
	public BatchCoordinator(Topology topology, BatchPolicy policy, LogWriter log, int maxDeliveriesPerRecord,
			int idempotencyKeysRetained, Clock clock) {
		this.topology = topology;
		this.policy = policy;
		this.log = log;
		this.maxDeliveriesPerRecord = maxDeliveriesPerRecord;
		this.keys = new IdempotencyKeys(idempotencyKeysRetained);
		this.clock = clock;
		this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "vmodb-sequencer");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Takes over from an earlier coordinator of the same log: numbers batches and TIDs after the last sealed batch,
	 * retains the idempotency keys and outcomes the log holds, and waits again for the reports of sealed batches that
	 * have no commit decision (their VMSs re-run them from the log, and reports written before the restart count).
	 * The input events of those batches are sent again as their input records are read once more (the earlier
	 * coordinator may have crashed before sending them), so the input log must be read from the offsets returned.
	 * Call before {@link #start()}.
	 * @param history the control log from its beginning, in order
	 * @return for each input partition, the offset to read from: the first record of the first undecided batch, or
	 * the end of the last sealed batch's range when every sealed batch is decided
	 */
	public synchronized Map<Integer, Long> resume(List<ControlRecord> history) {
		Topology current = null;
		for (ControlRecord record : history) {
			if (record instanceof TopologyAnnounced announced) {
				current = Topology.of(announced.manifests());
			}
			else if (record instanceof BatchSealed sealed) {
				resumeSealed(sealed, current);
			}
			else if (record instanceof BatchRerun rerun) {
				this.epoch = rerun.epoch();
				this.uncommitted.values().forEach(SealedBatch::expectReports);
			}
			else if (record instanceof BatchCommitted committed) {
				SealedBatch batch = this.uncommitted.remove(committed.batch());
				this.lastCommitted = Math.max(this.lastCommitted, committed.batch());
				if (batch != null) {
					batch.originals.forEach(original -> original.decide(committed.aborts(), committed.results()));
				}
				this.replay.decided(committed.batch());
				retainAborts(committed.batch(), committed.aborts());
			}
		}
		if (!this.uncommitted.isEmpty()) {
			logger.info(() -> "Coordinator resumed after batch " + this.lastBatch + "; waiting again for batches "
					+ this.uncommitted.keySet() + " and sending their input events again");
		}
		return this.replay.startOffsets();
	}

	/** Caller holds the lock: takes over a sealed batch of the control log. */
	private void resumeSealed(BatchSealed sealed, Topology current) {
		this.lastBatch = sealed.batch();
		this.lastSealed = sealed.batch();
		this.lastTid = sealed.lastTid();
		this.lastSealedAt = Math.max(this.lastSealedAt, sealed.sealedAt());
		this.replay.sealed(sealed, current);
		SealedBatch batch = sealedBatch(sealed, current);
		for (BatchSealed.Keyed keyed : sealed.keyed()) {
			if (keyed.repeat()) {
				batch.repeats.add(new PendingRepeat(keyed.tid(), originalOf(keyed)));
			}
			else {
				batch.originals.add(this.keys.register(keyed.key(), keyed.tid(), sealed.batch()));
			}
		}
		this.uncommitted.put(sealed.batch(), batch);
	}

	/**
	 * The state of a sealed batch that follows from its sealing decision alone, built the same way when this
	 * coordinator seals the batch and when it resumes it from the control log, so both decide it alike: who must
	 * report it, and the transactions the coordinator rejected itself. The decision does not name the input event of
	 * a rejected transaction (only its type, {@link BatchSealed#NO_TRANSACTION}), and a resumed coordinator may
	 * decide the batch before it reads the input records again, so neither the abort's reason nor the transaction
	 * type it is counted under names that event.
	 * @param sealed the sealing decision
	 * @param topology the topology the batch was sealed under
	 * @return the batch, waiting for every participant's report
	 */
	private static SealedBatch sealedBatch(BatchSealed sealed, Topology topology) {
		Set<String> participants = new HashSet<>();
		List<Abort> rejected = new ArrayList<>();
		String[] types = new String[sealed.size()];
		for (int i = 0; i < sealed.size(); i++) {
			int type = sealed.types()[i];
			if (type >= 0) {
				TransactionPlan plan = topology.plan(type);
				participants.addAll(plan.participants());
				types[i] = plan.inputEvent();
			}
			else {
				if (type == BatchSealed.NO_TRANSACTION) {
					rejected.add(new Abort(sealed.firstTid() + i, COORDINATOR, COORDINATOR,
							"no VMS handles its input event; handled events: " + topology.inputEvents()));
				}
				types[i] = ""; // no transaction type: rejected, or a repeated key, which runs nowhere
			}
		}
		return new SealedBatch(sealed.batch(), sealed.firstTid(), types, participants, rejected);
	}

	/**
	 * Caller holds the lock: the transaction a resumed repeat repeats: retained under its key, or in an undecided
	 * batch; a decided one this coordinator retains no more (it was told to retain fewer keys) stands for an
	 * outcome it cannot give.
	 */
	private IdempotencyKeys.Original originalOf(BatchSealed.Keyed keyed) {
		IdempotencyKeys.Original retained = this.keys.find(keyed.key());
		if (retained != null && retained.tid == keyed.originalTid()) {
			return retained;
		}
		for (SealedBatch batch : this.uncommitted.values()) {
			for (IdempotencyKeys.Original original : batch.originals) {
				if (original.tid == keyed.originalTid()) {
					return original;
				}
			}
		}
		IdempotencyKeys.Original forgotten = new IdempotencyKeys.Original(keyed.key(), keyed.originalTid(), 0);
		forgotten.decide(List.of(new Abort(keyed.originalTid(), COORDINATOR, COORDINATOR, "the outcome of "
				+ "idempotency key '" + keyed.key() + "' is no longer retained")), List.of());
		return forgotten;
	}

	/**
	 * What the coordinator has counted of aborts and re-runs.
	 * @return the statistics, live
	 */
	public AbortStatistics statistics() {
		return this.statistics;
	}

	/**
	 * Where this coordinator is; answers at once, without the coordinator's lock.
	 * @return the status
	 */
	public CoordinatorStatus status() {
		// committed first: a batch sealed between the two reads makes the count higher, never negative
		long committed = this.lastCommitted;
		return new CoordinatorStatus(this.lastSealed, committed, this.lastTid, this.stalled);
	}

	/**
	 * Sets what is told of committed batches, re-runs, aborts and a stall.
	 * @param listener the listener
	 */
	public void reportTo(EngineListener listener) {
		this.listener = Objects.requireNonNull(listener, "listener");
	}

	/**
	 * Announces the topology in the control log; batches sealed afterwards follow it. Then decides the resumed batches
	 * that wait for no report: those whose transactions were all rejected or repeated keys.
	 * @return completed when the announcement is durable
	 */
	public CompletableFuture<Void> start() {
		CompletableFuture<Void> announced = this.log.appendControl(
				ProtocolCodec.encode(new TopologyAnnounced(this.topology.manifests())));
		synchronized (this) {
			// a batch nobody runs is decided when it is sealed; one resumed undecided would wait for the next report
			decideFinished();
		}
		return announced;
	}

	/**
	 * Takes a record of the input log, in log order per partition.
	 * @param partition its partition
	 * @param offset its offset
	 * @param record the submissions
	 */
	public synchronized void onInput(int partition, long offset, SubmissionRecord record) {
		if (this.replay.wasSealed(partition, offset)) {
			InputReplay.Resend resend = this.replay.resend(record);
			if (resend != null) {
				logger.fine(() -> "Sending the input events of undecided batch " + resend.batch() + " again");
				sendInputs(resend.batch(), resend.deliveries());
			}
			return;
		}
		if (this.open == null) {
			OpenBatch batch = new OpenBatch(++this.lastBatch, this.lastTid + 1);
			this.open = batch;
			this.timer.schedule(() -> sealIfOpen(batch), this.policy.window().toNanos(), TimeUnit.NANOSECONDS);
		}
		OpenBatch batch = this.open;
		batch.take(partition, offset);
		batch.origins.add(new BatchSealed.Origin(record.clientId(), record.firstSeq(), record.submissions().size()));
		for (Submission submission : record.submissions()) {
			long tid = ++this.lastTid;
			if (submission.idempotencyKey() != null && takeKey(batch, tid, submission)) {
				continue;
			}
			TransactionPlan plan = this.topology.plan(submission.event());
			if (plan == null) {
				batch.types.add(BatchSealed.NO_TRANSACTION); // aborted at commit, see sealedBatch
				continue;
			}
			batch.types.add(plan.type());
			for (PlanNode root : plan.roots()) {
				batch.deliveries.computeIfAbsent(root.vms(), vms -> new ArrayList<>())
					.add(Delivery.event(tid, root.index(), submission.payload()));
			}
		}
		if (batch.types.size() >= this.policy.maxSize()) {
			seal();
		}
	}

	/**
	 * Caller holds the lock: notes a keyed submission's key; a repeated one becomes a transaction that runs nowhere
	 * and gets the first one's outcome.
	 * @return whether the submission repeats a retained key
	 */
	private boolean takeKey(OpenBatch batch, long tid, Submission submission) {
		String key = submission.idempotencyKey();
		IdempotencyKeys.Original original = this.keys.find(key);
		if (original == null) {
			batch.keyed.add(new BatchSealed.Keyed(tid, key, tid));
			batch.originals.add(this.keys.register(key, tid, batch.id));
			return false;
		}
		batch.keyed.add(new BatchSealed.Keyed(tid, key, original.tid));
		batch.repeats.add(new PendingRepeat(tid, original));
		batch.types.add(BatchSealed.REPEAT);
		return true;
	}

	/**
	 * Takes a VMS's report that it finished a batch.
	 * @param done the report
	 */
	public synchronized void onDone(BatchDone done) {
		SealedBatch batch = this.uncommitted.get(done.batch());
		if (batch == null || done.epoch() != this.epoch || !batch.waiting.remove(done.vms())) {
			return; // a replayed report, one for a batch committed already, or one from before the batch's re-run
		}
		batch.aborts.addAll(done.aborts());
		batch.results.addAll(done.results());
		batch.readsFrom.addAll(done.readsFrom());
		done.tainted().forEach(tid -> batch.firstTainted = Math.min(batch.firstTainted, tid));
		decideFinished();
	}

	private synchronized void sealIfOpen(OpenBatch batch) {
		if (this.open == batch) {
			seal();
		}
	}

	/** Caller holds the lock. */
	private void seal() {
		OpenBatch batch = this.open;
		this.open = null;
		int[] types = batch.types.stream().mapToInt(Integer::intValue).toArray();
		List<BatchSealed.InputRange> inputs = new ArrayList<>();
		batch.ranges.forEach((partition, range) -> inputs.add(new BatchSealed.InputRange(partition, range[0], range[1])));
		// the clock may step back (NTP, another host after a restart): handlers never see time go backwards
		this.lastSealedAt = Math.max(this.lastSealedAt, this.clock.millis());
		BatchSealed sealed = new BatchSealed(batch.id, batch.firstTid, types, inputs, batch.origins, this.lastSealedAt,
				batch.keyed);
		this.lastSealed = batch.id;
		this.log.appendControl(ProtocolCodec.encode(sealed)).whenComplete((r, ex) -> failed(ex, "batch " + batch.id));
		sendInputs(batch.id, batch.deliveries);
		SealedBatch sealedBatch = sealedBatch(sealed, this.topology);
		sealedBatch.originals.addAll(batch.originals);
		sealedBatch.repeats.addAll(batch.repeats);
		this.uncommitted.put(batch.id, sealedBatch);
		decideFinished();
	}

	/** Caller holds the lock: appends a batch's input events to the event logs of their VMSs. */
	private void sendInputs(long batch, Map<String, List<Delivery>> byVms) {
		byVms.forEach((vms, deliveries) -> {
			for (int from = 0; from < deliveries.size(); from += this.maxDeliveriesPerRecord) {
				List<Delivery> chunk = deliveries.subList(from, Math.min(deliveries.size(), from + this.maxDeliveriesPerRecord));
				this.log.appendEvents(vms, ProtocolCodec.encode(new EventBatch(COORDINATOR, batch, 0, chunk)))
					.whenComplete((r, ex) -> failed(ex, "input events of batch " + batch));
			}
		});
	}

	/**
	 * Caller holds the lock: decides, in order, the batches every participant has finished: a commit, or a re-run
	 * from the first transaction that read a version of an aborted one.
	 */
	private void decideFinished() {
		while (!this.uncommitted.isEmpty() && this.uncommitted.firstEntry().getValue().waiting.isEmpty()) {
			SealedBatch batch = this.uncommitted.firstEntry().getValue();
			long reader = firstReaderOfAborted(batch);
			if (reader != Long.MAX_VALUE) {
				rerun(batch, reader);
				return;
			}
			this.uncommitted.pollFirstEntry();
			batch.aborts.sort(Comparator.comparingLong(Abort::tid));
			batch.results.sort(Comparator.comparingLong(Result::tid));
			// originals first: a repeat may follow its original in the same batch
			batch.originals.forEach(original -> original.decide(batch.aborts, batch.results));
			List<Repeat> repeats = batch.repeats.stream().map(r -> r.original().repeatedBy(r.tid())).toList();
			this.log.appendControl(ProtocolCodec.encode(
					new BatchCommitted(batch.id, batch.lastTid, batch.aborts, batch.results, repeats)))
				.whenComplete((r, ex) -> failed(ex, "commit of batch " + batch.id));
			this.lastCommitted = batch.id;
			EngineListener told = this.listener;
			for (Abort abort : batch.aborts) {
				this.statistics.aborted(batch.typeOf(abort.tid()), abort);
				told.transactionAborted(abort.vms(), abort.handler(), AbortStatistics.reasonClassOf(abort));
			}
			told.batchCommitted(batch.id, batch.types.length, System.nanoTime() - batch.sealedNanos);
			retainAborts(batch.id, batch.aborts);
		}
	}

	/** Caller holds the lock: the first transaction of a batch that saw a version of an aborted one, if any. */
	private long firstReaderOfAborted(SealedBatch batch) {
		long first = batch.firstTainted;
		if (batch.aborts.isEmpty() && this.committedAborts.isEmpty()) {
			return first;
		}
		Set<Long> aborted = new HashSet<>();
		batch.aborts.forEach(abort -> aborted.add(abort.tid()));
		this.committedAborts.values().forEach(retained -> aborted.addAll(retained.tids));
		for (ReadFrom read : batch.readsFrom) {
			if (read.reader() < first && aborted.contains(read.writer())) {
				first = read.reader();
			}
		}
		return first;
	}

	/** Caller holds the lock: decides to run the batch again from a reader on, and waits for new reports. */
	private void rerun(SealedBatch batch, long fromTid) {
		long[] abortedBefore = batch.aborts.stream()
			.filter(abort -> abort.tid() < fromTid && !abort.vms().equals(COORDINATOR))
			.mapToLong(Abort::tid).distinct().sorted().toArray();
		BatchRerun rerun = new BatchRerun(++this.epoch, batch.id, fromTid, abortedBefore);
		this.log.appendControl(ProtocolCodec.encode(rerun)).whenComplete((r, ex) -> failed(ex, "re-run of batch " + batch.id));
		this.statistics.rerun(this.lastTid - fromTid + 1);
		this.listener.batchRerun(batch.id, this.lastTid - fromTid + 1);
		logger.fine(() -> "Re-running from transaction " + fromTid + ": it read a version of an aborted transaction ("
				+ rerun + ")");
		this.uncommitted.values().forEach(SealedBatch::expectReports);
	}

	/** Caller holds the lock: keeps a committed batch's aborts while reports may name them, forgets older ones. */
	private void retainAborts(long batch, List<Abort> aborts) {
		if (!aborts.isEmpty()) {
			Set<Long> tids = new HashSet<>();
			aborts.forEach(abort -> tids.add(abort.tid()));
			this.committedAborts.put(batch, new CommittedAborts(tids, this.lastSealed));
		}
		long firstUndecided = this.uncommitted.isEmpty() ? this.lastSealed + 1 : this.uncommitted.firstKey();
		this.committedAborts.values().removeIf(retained -> retained.lastSealed < firstUndecided);
	}

	private void failed(Throwable ex, String what) {
		if (ex != null) {
			logger.log(Level.SEVERE, "The coordinator could not write the " + what
					+ " to the log; it cannot make progress until restarted", ex);
			if (this.stalled == null) {
				this.stalled = "could not write the " + what + " to the log (" + ex + ")";
				this.listener.roleStalled("coordinator", this.stalled);
			}
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	/** The batch being filled. */
	private static final class OpenBatch {

		final long id;

		final long firstTid;

		final List<Integer> types = new ArrayList<>();

		final Map<Integer, long[]> ranges = new TreeMap<>();

		final List<BatchSealed.Origin> origins = new ArrayList<>();

		final Map<String, List<Delivery>> deliveries = new LinkedHashMap<>();

		final List<BatchSealed.Keyed> keyed = new ArrayList<>();

		final List<IdempotencyKeys.Original> originals = new ArrayList<>();

		final List<PendingRepeat> repeats = new ArrayList<>();

		OpenBatch(long id, long firstTid) {
			this.id = id;
			this.firstTid = firstTid;
		}

		void take(int partition, long offset) {
			this.ranges.computeIfAbsent(partition, p -> new long[] { offset, offset + 1 })[1] = offset + 1;
		}

	}

	/** A sealed batch waiting for its participants' reports. */
	private static final class SealedBatch {

		final long id;

		final long firstTid;

		final long lastTid;

		/** The input event of each transaction, by TID - firstTid; "" for one that has no type. */
		final String[] types;

		final Set<String> participants;

		/** When this coordinator sealed it (or resumed it): where its commit latency starts. */
		final long sealedNanos = System.nanoTime();

		/** The transactions the coordinator rejected itself: they never run, so re-runs keep them. */
		final List<Abort> rejected;

		final Set<String> waiting = new HashSet<>();

		final List<Abort> aborts = new ArrayList<>();

		final List<Result> results = new ArrayList<>();

		final List<ReadFrom> readsFrom = new ArrayList<>();

		/** Its transactions that first had their idempotency key: their outcomes are retained when it commits. */
		final List<IdempotencyKeys.Original> originals = new ArrayList<>();

		/** Its transactions that repeat an earlier key: they get that one's outcome. */
		final List<PendingRepeat> repeats = new ArrayList<>();

		long firstTainted;

		SealedBatch(long id, long firstTid, String[] types, Set<String> participants, List<Abort> rejected) {
			this.id = id;
			this.firstTid = firstTid;
			this.lastTid = firstTid + types.length - 1;
			this.types = types;
			this.participants = Set.copyOf(participants);
			this.rejected = List.copyOf(rejected);
			expectReports();
		}

		/** Forgets the reports received: every participant reports the batch again. */
		void expectReports() {
			this.waiting.clear();
			this.waiting.addAll(this.participants);
			this.aborts.clear();
			this.aborts.addAll(this.rejected);
			this.results.clear();
			this.readsFrom.clear();
			this.firstTainted = Long.MAX_VALUE;
		}

		String typeOf(long tid) {
			return this.types[(int) (tid - this.firstTid)];
		}

	}

	/** A transaction repeating an earlier one's idempotency key, waiting for its batch's commit. */
	private record PendingRepeat(long tid, IdempotencyKeys.Original original) {
	}

	/** The aborted TIDs of a committed batch, and the last batch sealed when it committed. */
	private record CommittedAborts(Set<Long> tids, long lastSealed) {
	}

}
