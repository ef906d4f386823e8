package dev.vmodb.core.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.vmodb.core.codec.RecordCodec;
import dev.vmodb.core.log.LogWriter;
import dev.vmodb.core.metadata.HandlerDefinition;
import dev.vmodb.core.protocol.Abort;
import dev.vmodb.core.protocol.BatchCommitted;
import dev.vmodb.core.protocol.BatchDone;
import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.ControlRecord;
import dev.vmodb.core.protocol.Delivery;
import dev.vmodb.core.protocol.EventBatch;
import dev.vmodb.core.protocol.ProtocolCodec;
import dev.vmodb.core.protocol.Result;
import dev.vmodb.core.protocol.TopologyAnnounced;
import dev.vmodb.core.topology.PlanNode;
import dev.vmodb.core.topology.Topology;
import dev.vmodb.core.topology.TransactionPlan;

/**
 * One VMS's part of the batch protocol: it learns from each sealed batch which of its transactions' handlers run
 * here and in which order, runs them as their events arrive, sends their events on, tells the coordinator when it
 * has finished a batch, and makes a batch visible when the coordinator commits it.
 *
 * <p>Every input is idempotent: records of batches already planned, deliveries already scheduled and decisions
 * already applied are ignored, so replaying the log after a restart is safe. Record handlers are called by the
 * log's consumer threads; handlers run on the VMS's scheduler threads.
 */
public final class VmsExecutor {

	private static final Logger logger = Logger.getLogger(VmsExecutor.class.getName());

	private final VmsRuntime runtime;

	private final String vms;

	private final LogWriter log;

	private final Outbox outbox;

	/** Planned batches whose part here is not finished yet, by batch id. */
	private final TreeMap<Long, BatchWork> unfinished = new TreeMap<>();

	/** Event records that arrived before their batch's sealed record. */
	private final Map<Long, List<EventBatch>> early = new HashMap<>();

	/** Commit decisions read but not applied yet, because this VMS has not finished their batch: batch → last TID. */
	private final TreeMap<Long, Long> decided = new TreeMap<>();

	/** Planned steps not delivered yet: their position → the position before them. */
	private final Map<Long, Long> previousOf = new HashMap<>();

	private Topology topology;

	private long lastPosition;

	private long plannedBatch;

	private long committedBatch;

	private int inFlight;

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
		this.lastPosition = Positions.after(runtime.store().committed().tid());
	}

	/**
	 * Applies a record of the control log, in log order.
	 * @param record the record
	 */
	public void onControl(ControlRecord record) {
		if (record instanceof TopologyAnnounced announced) {
			Topology announcedTopology = Topology.of(announced.manifests());
			synchronized (this) {
				this.topology = announcedTopology;
			}
		}
		else if (record instanceof BatchSealed sealed) {
			plan(sealed);
		}
		else {
			commit((BatchCommitted) record);
		}
	}

	/**
	 * Takes a record of this VMS's event log.
	 * @param events the record
	 */
	public synchronized void onEvents(EventBatch events) {
		if (events.batch() <= this.committedBatch) {
			return;
		}
		if (events.batch() > this.plannedBatch) {
			this.early.computeIfAbsent(events.batch(), b -> new ArrayList<>()).add(events);
			return;
		}
		BatchWork work = this.unfinished.get(events.batch());
		if (work != null) {
			events.deliveries().forEach(delivery -> deliver(work, delivery));
		}
	}

	private synchronized void plan(BatchSealed sealed) {
		if (sealed.batch() <= this.plannedBatch) {
			return;
		}
		if (sealed.batch() != this.plannedBatch + 1) {
			throw new IllegalStateException("VMS '" + this.vms + "': batch " + sealed.batch() + " follows batch "
					+ this.plannedBatch + "; the control log has a gap");
		}
		if (this.topology == null) {
			throw new IllegalStateException("VMS '" + this.vms + "': batch " + sealed.batch()
					+ " was sealed before any topology was announced");
		}
		BatchWork work = new BatchWork(sealed.batch());
		for (int i = 0; i < sealed.size(); i++) {
			int type = sealed.types()[i];
			if (type < 0) {
				continue;
			}
			TransactionPlan plan = this.topology.plan(type);
			List<PlanNode> nodes = plan.nodesAt(this.vms);
			if (nodes.isEmpty()) {
				continue;
			}
			long tid = sealed.firstTid() + i;
			work.plans.put(tid, plan);
			for (PlanNode node : nodes) {
				long position = Positions.of(tid, node.step());
				this.previousOf.put(position, this.lastPosition);
				this.lastPosition = position;
				work.remaining++;
			}
		}
		this.plannedBatch = sealed.batch();
		if (work.remaining > 0) {
			this.unfinished.put(work.batch, work);
		}
		applyDecisions();
		List<EventBatch> arrived = this.early.remove(sealed.batch());
		if (arrived != null) {
			arrived.forEach(this::onEvents);
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
		this.runtime.schedule(position, previous, step.handler(), step.event(),
				() -> runStep(work, plan, node, delivery, step));
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

	/** Runs on a scheduler thread. */
	private void runStep(BatchWork work, TransactionPlan plan, PlanNode node, Delivery delivery, Prepared step) {
		long tid = delivery.tid();
		Delivery.Kind passOn = delivery.kind();
		byte[] emitted = null;
		Abort abort = null;
		Result result = null;
		HandlerDefinition handler = step.handler();
		if (step.failure() != null) {
			abort = new Abort(tid, this.vms, node.handler().handler(), step.failure());
			passOn = Delivery.Kind.ABORT;
		}
		else if (handler != null) {
			TaskOutcome outcome = this.runtime.run(tid, work.batch, handler, step.event());
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
		synchronized (this) {
			for (int child : node.children()) {
				PlanNode target = plan.node(child);
				this.outbox.add(target.vms(), work.batch, (passOn == Delivery.Kind.EVENT)
						? Delivery.event(tid, child, emitted) : Delivery.without(tid, child, passOn));
			}
			if (abort != null) {
				work.aborts.add(abort);
			}
			if (result != null) {
				work.results.add(result);
			}
			work.remaining--;
			this.inFlight--;
			if (this.inFlight == 0) {
				// nothing else can run until more events arrive, and they may wait for the ones held here
				this.outbox.flush();
			}
			acknowledgeFinished();
			applyDecisions();
		}
	}

	/** Caller holds the lock: acknowledges finished batches in order, after sending what they emitted. */
	private void acknowledgeFinished() {
		while (!this.unfinished.isEmpty() && this.unfinished.firstEntry().getValue().remaining == 0) {
			BatchWork work = this.unfinished.pollFirstEntry().getValue();
			this.outbox.flush();
			work.aborts.sort(Comparator.comparingLong(Abort::tid));
			work.results.sort(Comparator.comparingLong(Result::tid));
			this.log.appendDone(ProtocolCodec.encode(new BatchDone(this.vms, work.batch, work.aborts, work.results)))
				.whenComplete((ignored, ex) -> failed(ex, "acknowledgement of batch " + work.batch));
		}
	}

	private synchronized void commit(BatchCommitted committed) {
		if (committed.batch() > this.committedBatch) {
			this.decided.put(committed.batch(), committed.lastTid());
			applyDecisions();
		}
	}

	/**
	 * Caller holds the lock: makes decided batches visible, in order, once this VMS has finished them. When the log
	 * is replayed, a commit decision is read long before the re-run of its batch finishes here.
	 */
	private void applyDecisions() {
		while (!this.decided.isEmpty()) {
			long batch = this.decided.firstKey();
			if (batch > this.plannedBatch || (!this.unfinished.isEmpty() && this.unfinished.firstKey() <= batch)) {
				return;
			}
			long lastTid = this.decided.pollFirstEntry().getValue();
			this.runtime.commit(batch, lastTid);
			this.committedBatch = batch;
		}
	}

	private static byte[] encode(HandlerDefinition handler, Object output) {
		return RecordCodec.forType(handler.outboundType()).encode((Record) output);
	}

	private static String reasonOf(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private void failed(Throwable ex, String what) {
		if (ex != null) {
			logger.log(Level.SEVERE, "VMS '" + this.vms + "' could not write the " + what
					+ " to the log; it cannot make progress until restarted, when it recovers from the log", ex);
		}
	}

	/**
	 * A delivery made ready to run.
	 * @param handler the handler to run, or {@code null} when nothing runs (a skip, an abort, or a failure)
	 * @param event the decoded event
	 * @param failure why the transaction aborts here before its handler runs, or {@code null}
	 */
	private record Prepared(HandlerDefinition handler, Object event, String failure) {
	}

	/** A batch's part at this VMS. */
	private static final class BatchWork {

		final long batch;

		final Map<Long, TransactionPlan> plans = new HashMap<>();

		final List<Abort> aborts = new ArrayList<>();

		final List<Result> results = new ArrayList<>();

		int remaining;

		BatchWork(long batch) {
			this.batch = batch;
		}

	}

}
