package dev.vmodb.core.runtime;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.vmodb.core.api.TransactionAbortRequest;
import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.ResumePoint;
import dev.vmodb.core.codec.RecordCodec;
import dev.vmodb.core.log.LogWriter;
import dev.vmodb.core.monitor.EngineListener;
import dev.vmodb.core.monitor.VmsStatus;
import dev.vmodb.core.metadata.HandlerDefinition;
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
import dev.vmodb.core.protocol.Result;
import dev.vmodb.core.protocol.TopologyAnnounced;
import dev.vmodb.core.store.CommitMark;
import dev.vmodb.core.topology.PlanNode;
import dev.vmodb.core.topology.Topology;
import dev.vmodb.core.topology.TransactionPlan;

/**
 * One VMS's part of the batch protocol: it learns from each sealed batch which of its transactions' handlers run
 * here and in which order, runs them as their events arrive, sends their events on, tells the coordinator when it
 * has finished a batch (with what its transactions read of uncommitted ones), applies the coordinator's decisions
 * (re-run from a transaction on, or commit without the aborted transactions) in log order.
 *
 * <p>Every input is idempotent: records of batches already planned, deliveries already scheduled and decisions
 * already applied are ignored, so replaying the log after a restart is safe. Record handlers are called by the
 * log's consumer threads; handlers run on the VMS's scheduler threads.
 *
 * <p>Recovery. With each committed batch the executor notes where its logs continue after it (a {@link ResumePoint}:
 * the sealing of the next batch, the first event of any later batch, the topology and re-run epoch in force), and the
 * checkpointer stores that with the batch's state. A VMS restarted from the checkpoint reads its logs from there.
 */
public final class VmsExecutor {

	private static final Logger logger = Logger.getLogger(VmsExecutor.class.getName());

	private static final String COORDINATOR = "";

	private final VmsRuntime runtime;

	private final String vms;

	private final LogWriter log;

	private final Outbox outbox;

	/** Planned batches with work here that are not committed here yet, by batch id. */
	private final TreeMap<Long, BatchWork> uncommitted = new TreeMap<>();

	/** Event records that arrived before their batch's sealed record. */
	private final Map<Long, List<EventBatch>> early = new HashMap<>();

	/** Deliveries of a re-run this VMS has not applied yet, by its epoch. */
	private final TreeMap<Long, List<EventBatch>> ahead = new TreeMap<>();

	/** Re-run and commit decisions read but not applied yet, in log order. */
	private final ArrayDeque<Decision> decisions = new ArrayDeque<>();

	/** Planned steps not delivered yet: their position → the position before them. */
	private final Map<Long, Long> previousOf = new HashMap<>();

	/** Planned steps not finished yet, by position: a re-run waits for those before it. */
	private final TreeSet<Long> unfinished = new TreeSet<>();

	/** The re-runs applied here, oldest first: which epoch a transaction's events must carry. */
	private final List<BatchRerun> reruns = new ArrayList<>();

	/** Aborted TIDs of committed batches, while reports of batches planned before the commit may need them. */
	private final TreeMap<Long, KnownAborts> knownAborts = new TreeMap<>();

	/** Control-log offsets of the sealing of batches not committed here yet. */
	private final TreeMap<Long, Long> sealedAt = new TreeMap<>();

	/** Control-log offsets of topology announcements that may still be in force at a later resume point. */
	private final TreeSet<Long> announcedAt = new TreeSet<>();

	/** The offset of the first event-log record read of each batch not committed here yet. */
	private final TreeMap<Long, Long> firstEventAt = new TreeMap<>();

	/** Where the logs continue after each committed batch the checkpointer has not written yet. */
	private final ConcurrentSkipListMap<Long, ResumePoint> resumePoints = new ConcurrentSkipListMap<>();

	/** The event-log offset after the last record read. */
	private long nextEventOffset;

	/** The epoch of the last re-run of a committed batch: events of later transactions carry at least this one. */
	private long baseEpoch;

	private Topology topology;

	private long lastPosition;

	// volatile: status() reads it without the lock, which a re-run may hold while it waits for handlers
	private volatile long plannedBatch;

	private long committedBatch;

	/** The last commit and re-run read, applied or not: older ones in a replayed log are ignored. */
	private long decidedBatch;

	private long decidedEpoch;

	/** The epoch of the last re-run applied: handlers scheduled before it no longer count. */
	private volatile long epoch;

	private volatile EngineListener listener = EngineListener.NONE;

	/** Why this VMS can no longer make progress, once it cannot. */
	private volatile String stalled;

	private long reportedBatch;

	private int inFlight;

	/**
	 * Handlers running now, of the current epoch when they started; guarded by its own lock, so a re-run can wait
	 * for them to end while it keeps the executor's lock, and nothing else changes meanwhile.
	 */
	private int running;

	private final Object runningLock = new Object();

	/**
	 * Creates the executor of a running VMS.
	 * @param runtime the VMS
	 * @param log where its events and acknowledgements go
	 * @param maxDeliveriesPerRecord how many deliveries to pack into one log record at most
	 */
	public VmsExecutor(VmsRuntime runtime, LogWriter log, int maxDeliveriesPerRecord) {
		this.runtime = runtime;
		this.vms = runtime.name();
		this.log = log;
		this.outbox = new Outbox(this.vms, log, maxDeliveriesPerRecord);
		long restored = runtime.store().committed().batch();
		this.plannedBatch = restored;
		this.committedBatch = restored;
		this.decidedBatch = restored;
		this.reportedBatch = restored;
		this.lastPosition = Positions.after(runtime.store().committed().tid());
		ResumePoint resume = runtime.restored().resume();
		this.epoch = resume.epoch();
		this.decidedEpoch = resume.epoch();
		this.baseEpoch = resume.epoch();
		this.nextEventOffset = resume.eventsOffset();
		runtime.checkpointer().resumeWith(this.resumePoints::get);
	}

	/**
	 * The checkpoint this VMS started from: the batch its state holds and where it reads its logs from.
	 * @return the checkpoint ({@link Checkpoint#INITIAL} for a fresh database)
	 */
	public Checkpoint restored() {
		return this.runtime.restored();
	}

	/**
	 * Where this VMS is; answers at once, without the executor's lock.
	 * @return the status
	 */
	public VmsStatus status() {
		RuntimeException checkpointFailure = this.runtime.checkpointer().lastFailure();
		// the store's commit mark: the batch and its last TID as one, as readers see them
		CommitMark committed = this.runtime.store().committed();
		return new VmsStatus(this.vms, this.plannedBatch, committed.batch(), committed.tid(),
				this.runtime.checkpointer().checkpointed().batch(), this.epoch,
				this.runtime.checkpointer().consecutiveFailures(),
				(checkpointFailure != null) ? checkpointFailure.toString() : null, this.stalled);
	}

	/**
	 * Sets what is told when this VMS stalls.
	 * @param listener the listener
	 */
	public void reportTo(EngineListener listener) {
		this.listener = Objects.requireNonNull(listener, "listener");
	}

	/**
	 * Notes that this VMS can no longer make progress until its process restarts (and recovers from the log); the
	 * first reason is kept.
	 * @param reason what happened
	 */
	public void stall(String reason) {
		if (this.stalled == null) {
			this.stalled = reason;
			this.listener.roleStalled("vms:" + this.vms, reason);
		}
	}

	/**
	 * Applies a record of the control log, in log order.
	 * @param record the record
	 * @param offset its offset in the control log
	 */
	public void onControl(ControlRecord record, long offset) {
		if (record instanceof TopologyAnnounced announced) {
			Topology announcedTopology = Topology.of(announced.manifests());
			synchronized (this) {
				this.topology = announcedTopology;
				this.announcedAt.add(offset);
			}
		}
		else if (record instanceof BatchSealed sealed) {
			plan(sealed, offset);
		}
		else {
			decide(record, offset);
		}
	}

	/**
	 * Takes a record of this VMS's event log, in log order.
	 * @param events the record
	 * @param offset its offset in the event log
	 */
	public synchronized void onEvents(EventBatch events, long offset) {
		this.nextEventOffset = Math.max(this.nextEventOffset, offset + 1);
		if (events.batch() > this.committedBatch) {
			this.firstEventAt.merge(events.batch(), offset, Math::min);
		}
		accept(events);
	}

	/** Caller holds the lock. */
	private void accept(EventBatch events) {
		if (events.batch() <= this.committedBatch) {
			return;
		}
		if (events.batch() > this.plannedBatch) {
			this.early.computeIfAbsent(events.batch(), b -> new ArrayList<>()).add(events);
			return;
		}
		BatchWork work = this.uncommitted.get(events.batch());
		if (work == null) {
			return;
		}
		boolean input = events.producer().equals(COORDINATOR);
		List<Delivery> later = null;
		for (Delivery delivery : events.deliveries()) {
			if (input) {
				// a re-run starts again from the inputs, which the coordinator sends once
				work.inputs.putIfAbsent((delivery.tid() << 8) | delivery.node(), delivery); // a plan has at most 256 nodes
				deliver(work, delivery);
				continue;
			}
			long expected = epochOf(delivery.tid());
			if (events.epoch() == expected) {
				deliver(work, delivery);
			}
			else if (events.epoch() > expected) {
				later = (later != null) ? later : new ArrayList<>();
				later.add(delivery);
			}
			// an older epoch: sent before a re-run that rolled the transaction back here too
		}
		if (later != null) {
			this.ahead.computeIfAbsent(events.epoch(), e -> new ArrayList<>())
				.add(new EventBatch(events.producer(), events.batch(), events.epoch(), later));
		}
	}

	private synchronized void plan(BatchSealed sealed, long offset) {
		if (sealed.batch() <= this.plannedBatch) {
			return;
		}
		this.sealedAt.put(sealed.batch(), offset);
		if (sealed.batch() != this.plannedBatch + 1) {
			throw new IllegalStateException("VMS '" + this.vms + "': batch " + sealed.batch() + " follows batch "
					+ this.plannedBatch + "; the control log has a gap");
		}
		if (this.topology == null) {
			throw new IllegalStateException("VMS '" + this.vms + "': batch " + sealed.batch()
					+ " was sealed before any topology was announced");
		}
		BatchWork work = new BatchWork(sealed.batch(), Instant.ofEpochMilli(sealed.sealedAt()));
		for (int i = 0; i < sealed.size(); i++) {
			int type = sealed.types()[i];
			if (type >= 0) {
				TransactionPlan plan = this.topology.plan(type);
				if (!plan.nodesAt(this.vms).isEmpty()) {
					work.plans.put(sealed.firstTid() + i, plan);
				}
			}
		}
		this.plannedBatch = sealed.batch();
		if (!work.plans.isEmpty()) {
			planSteps(work, sealed.firstTid());
			this.uncommitted.put(work.batch, work);
		}
		progress();
		List<EventBatch> arrived = this.early.remove(sealed.batch());
		if (arrived != null) {
			arrived.forEach(this::accept);
		}
	}

	/** Caller holds the lock: puts the steps of a batch's transactions from a TID on in this VMS's order. */
	private void planSteps(BatchWork work, long fromTid) {
		for (Map.Entry<Long, TransactionPlan> entry : work.plans.tailMap(fromTid, true).entrySet()) {
			for (PlanNode node : entry.getValue().nodesAt(this.vms)) {
				long position = Positions.of(entry.getKey(), node.step());
				this.previousOf.put(position, this.lastPosition);
				this.unfinished.add(position);
				work.positions.add(position);
				this.lastPosition = position;
				work.remaining++;
			}
		}
	}

	/** Caller holds the lock. */
	private void deliver(BatchWork work, Delivery delivery) {
		TransactionPlan plan = work.plans.get(delivery.tid());
		if (plan == null) {
			logger.warning(() -> "VMS '" + this.vms + "': delivery for transaction " + delivery.tid()
					+ ", which runs nothing here, ignored");
			return;
		}
		PlanNode node = plan.node(delivery.node());
		long position = Positions.of(delivery.tid(), node.step());
		Long previous = this.previousOf.remove(position);
		if (previous == null) {
			return; // delivered before: a replayed record
		}
		Prepared step = prepare(node, delivery);
		this.inFlight++;
		long scheduledIn = this.epoch;
		this.runtime.schedule(position, previous, step.handler(), step.event(),
				() -> runStep(work, plan, node, position, delivery, step, scheduledIn));
	}

	/** Finds the handler of a delivered event and decodes the event; a delivery without an event runs nothing. */
	private Prepared prepare(PlanNode node, Delivery delivery) {
		if (delivery.kind() != Delivery.Kind.EVENT) {
			return new Prepared(null, null, null);
		}
		String inbound = node.handler().inboundEvent();
		HandlerDefinition handler = this.runtime.definition().handlerOf(inbound);
		if (handler == null) {
			// the announced topology names a handler this code does not have: another version of the VMS
			return new Prepared(null, null, "this VMS has no handler for event '" + inbound
					+ "' although the announced topology says it has; are two versions of it deployed?");
		}
		try {
			return new Prepared(handler, RecordCodec.forType(handler.inboundType()).decode(delivery.payload()), null);
		}
		catch (RuntimeException ex) {
			return new Prepared(null, null, "cannot decode event '" + inbound + "' as "
					+ handler.inboundType().getName() + ": " + ex.getMessage());
		}
	}

	/** Runs on a scheduler thread; does nothing if a re-run has rolled the step back since it was scheduled. */
	private void runStep(BatchWork work, TransactionPlan plan, PlanNode node, long position, Delivery delivery,
			Prepared step, long scheduledIn) {
		boolean failedHere;
		synchronized (this) {
			if (scheduledIn != this.epoch) {
				return;
			}
			synchronized (this.runningLock) {
				this.running++;
			}
			failedHere = work.failed.contains(delivery.tid());
		}
		long tid = delivery.tid();
		Delivery.Kind passOn = delivery.kind();
		byte[] emitted = null;
		Abort abort = null;
		Result result = null;
		long[] readFrom = null;
		HandlerDefinition handler = step.handler();
		try {
			if (failedHere) {
				// an earlier handler of this transaction failed here and its writes are gone: this one would see that
				passOn = Delivery.Kind.ABORT;
			}
			else if (step.failure() != null) {
				abort = new Abort(tid, this.vms, node.handler().handler(), step.failure());
				passOn = Delivery.Kind.ABORT;
			}
			else if (handler != null) {
				TaskOutcome outcome = this.runtime.run(tid, work.batch, handler, step.event(), work.sealingTime);
				readFrom = outcome.readFrom();
				if (!outcome.succeeded()) {
					abort = new Abort(tid, this.vms, handler.name(), reasonOf(outcome.failure()));
					passOn = Delivery.Kind.ABORT;
				}
				else if (outcome.output() == null) {
					passOn = Delivery.Kind.SKIP;
				}
				else {
					emitted = encode(handler, outcome.output());
					if (node.emitsResult()) {
						result = new Result(tid, handler.outboundEvent(), emitted);
					}
				}
			}
		}
		catch (RuntimeException ex) {
			// an event the handler emitted that cannot be encoded: the transaction cannot go on
			abort = new Abort(tid, this.vms, node.handler().handler(), reasonOf(ex));
			passOn = Delivery.Kind.ABORT;
		}
		synchronized (this.runningLock) {
			if (--this.running == 0) {
				this.runningLock.notifyAll();
			}
		}
		synchronized (this) {
			if (scheduledIn != this.epoch) {
				return; // a re-run began while the handler ran, and waited for it to end: its work does not count
			}
			for (int child : node.children()) {
				PlanNode target = plan.node(child);
				this.outbox.add(target.vms(), work.batch, this.epoch, (passOn == Delivery.Kind.EVENT)
						? Delivery.event(tid, child, emitted) : Delivery.without(tid, child, passOn));
			}
			if (abort != null) {
				work.aborts.add(abort);
				work.failed.add(tid);
			}
			if (result != null) {
				work.results.add(result);
			}
			if (readFrom != null) {
				for (long writer : readFrom) {
					work.readsFrom.add(new ReadFrom(tid, writer));
				}
			}
			work.remaining--;
			this.unfinished.remove(position);
			this.inFlight--;
			if (this.inFlight == 0 || awaitsEvent()) {
				// this VMS cannot go on until more events arrive, and they may wait for the ones held here: a
				// transaction may come back here, directly or through other VMSs, while later ones wait behind it
				this.outbox.flush();
			}
			progress();
		}
	}

	private synchronized void decide(ControlRecord decision, long offset) {
		if (decision instanceof BatchRerun rerun) {
			if (rerun.epoch() <= this.decidedEpoch) {
				return;
			}
			this.decidedEpoch = rerun.epoch();
		}
		else {
			BatchCommitted committed = (BatchCommitted) decision;
			if (committed.batch() <= this.decidedBatch) {
				return;
			}
			this.decidedBatch = committed.batch();
		}
		this.decisions.add(new Decision(decision, offset));
		progress();
	}

	/**
	 * Caller holds the lock: reports finished batches in order and applies decisions in log order, as far as each
	 * can go. A decision waits until this VMS has got that far: when the log is replayed, decisions are read long
	 * before their batches have run again here.
	 */
	private void progress() {
		while (reportNext() || applyNextDecision()) {
			// each step may enable the other
		}
	}

	/** Caller holds the lock: reports the oldest unreported batch if it is finished here. */
	private boolean reportNext() {
		BatchWork work = null;
		for (BatchWork candidate : this.uncommitted.values()) {
			if (!candidate.reported) {
				work = candidate;
				break;
			}
		}
		if (work == null || work.remaining > 0) {
			return false;
		}
		this.outbox.flush();
		work.reported = true;
		this.reportedBatch = work.batch;
		work.aborts.sort(Comparator.comparingLong(Abort::tid));
		work.results.sort(Comparator.comparingLong(Result::tid));
		List<ReadFrom> unknown = new ArrayList<>();
		Set<Long> tainted = new HashSet<>();
		long committedTid = this.runtime.store().committed().tid();
		for (ReadFrom read : work.readsFrom) {
			if (read.writer() > committedTid) {
				unknown.add(read); // the writer's batch is undecided here: the coordinator knows its outcome
			}
			else if (isKnownAbort(read.writer())) {
				tainted.add(read.reader());
			}
		}
		// reports of later batches cannot name versions those aborts wrote: they were gone before their handlers ran
		this.knownAborts.values().removeIf(known -> known.plannedWhenApplied <= this.reportedBatch);
		BatchDone done = new BatchDone(this.vms, work.batch, this.epoch, work.aborts, work.results, unknown,
				List.copyOf(new TreeSet<>(tainted)));
		this.log.appendDone(ProtocolCodec.encode(done))
			.whenComplete((ignored, ex) -> failed(ex, "acknowledgement of batch " + done.batch()));
		return true;
	}

	/** Caller holds the lock: applies the oldest decision not applied yet, if this VMS has got that far. */
	private boolean applyNextDecision() {
		Decision decision = this.decisions.peek();
		ControlRecord next = (decision != null) ? decision.record() : null;
		if (next instanceof BatchRerun logged) {
			BatchRerun rerun = logged;
			if (rerun.batch() <= this.committedBatch) {
				// read again from before the checkpoint this VMS started from: its state holds the batch's outcome
				// already, but what it has run of later batches ran before this re-run did, as if at an older epoch
				rerun = new BatchRerun(logged.epoch(), this.committedBatch + 1, this.runtime.store().committed().tid() + 1,
						new long[0]);
			}
			long cutoff = Positions.of(rerun.fromTid(), 0);
			if (rerun.batch() > this.plannedBatch || (!this.unfinished.isEmpty() && this.unfinished.first() < cutoff)) {
				return false;
			}
			this.decisions.poll();
			rerun(rerun, cutoff);
			return true;
		}
		if (next instanceof BatchCommitted committed) {
			if (committed.batch() > this.plannedBatch
					|| this.uncommitted.headMap(committed.batch(), true).values().stream().anyMatch(w -> !w.reported)) {
				return false;
			}
			this.decisions.poll();
			commit(committed, decision.offset());
			return true;
		}
		return false;
	}

	/**
	 * Caller holds the lock: rolls back every transaction from the re-run's first one on (and the aborted ones
	 * before it), waits for handlers still running them, and schedules them again from their logged inputs.
	 */
	private void rerun(BatchRerun rerun, long cutoff) {
		this.epoch = rerun.epoch();
		this.reruns.add(rerun);
		this.outbox.flush();
		long restart = positionBefore(cutoff);
		this.runtime.rewind(restart);
		synchronized (this.runningLock) {
			while (this.running > 0) {
				try {
					this.runningLock.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("VMS '" + this.vms + "' was interrupted during a re-run", ex);
				}
			}
		}
		this.runtime.rollBack(rerun.batch(), rerun::removes);
		this.previousOf.keySet().removeIf(position -> position >= cutoff);
		this.unfinished.tailSet(cutoff).clear();
		this.inFlight = 0;
		this.lastPosition = restart;
		for (BatchWork work : this.uncommitted.tailMap(rerun.batch(), true).values()) {
			work.rollBack(rerun.fromTid(), cutoff);
			planSteps(work, rerun.fromTid());
		}
		for (BatchWork work : this.uncommitted.tailMap(rerun.batch(), true).values()) {
			for (Delivery input : List.copyOf(work.inputs.values())) {
				if (input.tid() >= rerun.fromTid()) {
					deliver(work, input);
				}
			}
		}
		this.reportedBatch = Math.min(this.reportedBatch, rerun.batch() - 1);
		Map<Long, List<EventBatch>> arrived = this.ahead.headMap(this.epoch, true);
		List<EventBatch> replay = new ArrayList<>();
		arrived.values().forEach(replay::addAll);
		arrived.clear();
		replay.forEach(this::accept);
	}

	/** Caller holds the lock: whether the next step in this VMS's order waits for its event. */
	private boolean awaitsEvent() {
		return !this.unfinished.isEmpty() && this.previousOf.containsKey(this.unfinished.first());
	}

	/** Caller holds the lock: the last planned position before a cutoff, where a re-run's steps continue. */
	private long positionBefore(long cutoff) {
		if (this.uncommitted.isEmpty()) {
			return this.lastPosition;
		}
		long before = this.uncommitted.firstEntry().getValue().startPosition;
		for (BatchWork work : this.uncommitted.values()) {
			for (long position : work.positions) {
				if (position >= cutoff) {
					return before;
				}
				before = position;
			}
		}
		return before;
	}

	/** Caller holds the lock: makes a committed batch visible without its aborted transactions. */
	private void commit(BatchCommitted committed, long offset) {
		Set<Long> aborted = new HashSet<>();
		committed.aborts().forEach(abort -> aborted.add(abort.tid()));
		// known before the commit is visible, so a checkpoint of this batch finds it
		this.resumePoints.put(committed.batch(), resumePointAfter(committed.batch(), offset));
		this.runtime.commit(committed.batch(), committed.lastTid(), aborted::contains);
		this.uncommitted.headMap(committed.batch(), true).clear();
		this.sealedAt.headMap(committed.batch(), true).clear();
		this.firstEventAt.headMap(committed.batch(), true).clear();
		this.resumePoints.headMap(this.runtime.checkpointer().checkpointed().batch(), true).clear();
		this.baseEpoch = this.epoch;
		this.reruns.removeIf(rerun -> rerun.batch() <= committed.batch());
		this.committedBatch = committed.batch();
		this.reportedBatch = Math.max(this.reportedBatch, committed.batch());
		if (!aborted.isEmpty()) {
			this.knownAborts.put(committed.batch(), new KnownAborts(aborted, this.plannedBatch));
		}
	}

	/**
	 * Caller holds the lock: where the logs continue once a batch, decided at a control-log offset, is committed:
	 * nothing of a later batch comes before the next sealing (or, if that is not read yet, after the decision), nor
	 * before the first event read of a later batch (or, if none is read yet, the next event).
	 */
	private ResumePoint resumePointAfter(long batch, long decisionOffset) {
		long control = decisionOffset + 1;
		Map.Entry<Long, Long> nextSealed = this.sealedAt.higherEntry(batch);
		if (nextSealed != null) {
			control = Math.min(control, nextSealed.getValue());
		}
		Long topology = this.announcedAt.lower(control);
		if (topology != null) {
			this.announcedAt.headSet(topology, false).clear();
		}
		long events = this.nextEventOffset;
		for (long first : this.firstEventAt.tailMap(batch, false).values()) {
			events = Math.min(events, first);
		}
		// re-runs of this batch were decided before its commit, re-runs of later ones come after it
		return new ResumePoint(control, (topology != null) ? topology : -1, events, this.epoch);
	}

	private boolean isKnownAbort(long tid) {
		for (KnownAborts known : this.knownAborts.values()) {
			if (known.tids.contains(tid)) {
				return true;
			}
		}
		return false;
	}

	/** The epoch a transaction's events carry here: that of the last re-run applied that covers it. */
	private long epochOf(long tid) {
		for (int i = this.reruns.size() - 1; i >= 0; i--) {
			BatchRerun rerun = this.reruns.get(i);
			if (tid >= rerun.fromTid()) {
				return rerun.epoch();
			}
		}
		return this.baseEpoch;
	}

	private static byte[] encode(HandlerDefinition handler, Object output) {
		return RecordCodec.forType(handler.outboundType()).encode((Record) output);
	}

	private static String reasonOf(Throwable failure) {
		if (failure instanceof TransactionAbortRequest request) {
			return request.reason();
		}
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private void failed(Throwable ex, String what) {
		if (ex != null) {
			logger.log(Level.SEVERE, "VMS '" + this.vms + "' could not write the " + what
					+ " to the log; it cannot make progress until restarted, when it recovers from the log", ex);
			stall("could not write the " + what + " to the log (" + ex + ")");
		}
	}

	/**
	 * A decision read from the control log.
	 * @param record the re-run or commit
	 * @param offset its offset in the control log
	 */
	private record Decision(ControlRecord record, long offset) {
	}

	/**
	 * A delivery made ready to run.
	 * @param handler the handler to run, or {@code null} when nothing runs (a skip, an abort, or a failure)
	 * @param event the decoded event
	 * @param failure why the transaction aborts here before its handler runs, or {@code null}
	 */
	private record Prepared(HandlerDefinition handler, Object event, String failure) {
	}

	/**
	 * The aborted TIDs of a batch committed here.
	 * @param tids the TIDs
	 * @param plannedWhenApplied the last batch planned when the commit was applied: handlers of later batches
	 * started after the aborted versions were gone
	 */
	private record KnownAborts(Set<Long> tids, long plannedWhenApplied) {
	}

	/** A batch's part at this VMS, kept until the batch commits so a re-run can start it again. */
	private final class BatchWork {

		final long batch;

		/** When the batch was sealed: the time its handlers see, in every run. */
		final Instant sealingTime;

		/** The plans of the batch's transactions that run something here, by TID. */
		final TreeMap<Long, TransactionPlan> plans = new TreeMap<>();

		/** The input events of its transactions handled here, by TID and node. */
		final Map<Long, Delivery> inputs = new TreeMap<>();

		/** Its steps' positions, in order. */
		final List<Long> positions = new ArrayList<>();

		/** The last position planned before this batch. */
		final long startPosition;

		final List<Abort> aborts = new ArrayList<>();

		final List<Result> results = new ArrayList<>();

		final List<ReadFrom> readsFrom = new ArrayList<>();

		/** Transactions that failed here: their later handlers here do not run. */
		final Set<Long> failed = new HashSet<>();

		int remaining;

		boolean reported;

		BatchWork(long batch, Instant sealingTime) {
			this.batch = batch;
			this.sealingTime = sealingTime;
			this.startPosition = VmsExecutor.this.lastPosition;
		}

		/** Forgets what the transactions from a TID on did here, to run them again. */
		void rollBack(long fromTid, long cutoff) {
			this.aborts.removeIf(abort -> abort.tid() >= fromTid);
			this.results.removeIf(result -> result.tid() >= fromTid);
			this.readsFrom.removeIf(read -> read.reader() >= fromTid);
			this.failed.removeIf(tid -> tid >= fromTid);
			this.positions.removeIf(position -> position >= cutoff);
			this.remaining = 0;
			this.reported = false;
		}

	}

}
