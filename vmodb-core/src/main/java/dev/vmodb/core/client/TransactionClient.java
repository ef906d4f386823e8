package dev.vmodb.core.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.vmodb.core.api.InvalidInputException;
import dev.vmodb.core.api.LogUnavailableException;
import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.codec.RecordCodec;
import dev.vmodb.core.log.LogWriter;
import dev.vmodb.core.monitor.ClientStatus;
import dev.vmodb.core.monitor.EngineListener;
import dev.vmodb.core.monitor.Outcome;
import dev.vmodb.core.protocol.Abort;
import dev.vmodb.core.protocol.BatchCommitted;
import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.ControlRecord;
import dev.vmodb.core.protocol.ProtocolCodec;
import dev.vmodb.core.protocol.Repeat;
import dev.vmodb.core.protocol.Result;
import dev.vmodb.core.protocol.Submission;
import dev.vmodb.core.protocol.SubmissionRecord;
import dev.vmodb.core.protocol.TopologyAnnounced;
import dev.vmodb.core.topology.Topology;

/**
 * Submits transactions through the input log and completes their futures from the control log.
 *
 * <p>Each client numbers its submissions; a sender thread packs the ones waiting into one input record. Sealed
 * batches name the submitting client and numbers of each TID, and committed batches carry aborts and results, so
 * a future completes when its batch's commit decision is in the log, whichever process wrote it. A submission
 * repeating an idempotency key completes with the outcome of the key's first transaction, which the commit decision
 * carries.
 */
public final class TransactionClient implements VmsClient, AutoCloseable {

	private final long clientId = ThreadLocalRandom.current().nextLong();

	private final LogWriter log;

	private final Map<String, Class<?>> knownTypes;

	private final int maxSubmissionsPerRecord;

	private final long topologyTimeoutNanos;

	private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();

	private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

	private final Map<Long, List<Pending>> byBatch = new HashMap<>();

	private final Thread sender;

	private volatile InputValidator inputValidator = InputValidator.NONE;

	private volatile SubmissionGate gate = SubmissionGate.unchecked();

	private volatile Topology topology;

	private volatile EngineListener listener = EngineListener.NONE;

	private volatile long lastSealedBatch;

	private volatile long lastCommittedBatch;

	private volatile boolean closed;

	/** Set when the application shuts down: new submissions are refused, those in flight still complete. */
	private volatile boolean draining;

	private long nextSeq = 1;

	/**
	 * Creates a client and starts its sender.
	 * @param log the log
	 * @param knownTypes the record type of every event this application declares, to check payloads and decode
	 * results
	 * @param maxSubmissionsPerRecord how many submissions to pack into one input record at most
	 * @param topologyTimeoutMillis how long a submission waits for the coordinator's topology at start-up
	 */
	public TransactionClient(LogWriter log, Map<String, Class<?>> knownTypes, int maxSubmissionsPerRecord,
			long topologyTimeoutMillis) {
		this.log = log;
		this.knownTypes = Map.copyOf(knownTypes);
		this.maxSubmissionsPerRecord = maxSubmissionsPerRecord;
		this.topologyTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(topologyTimeoutMillis);
		this.sender = new Thread(this::sendLoop, "vmodb-client-sender");
		this.sender.setDaemon(true);
		this.sender.start();
	}

	/**
	 * Sets the check every input event passes before it is encoded and logged.
	 * @param validator the validator; {@link InputValidator#NONE} accepts everything
	 */
	public void validateInputsWith(InputValidator validator) {
		this.inputValidator = Objects.requireNonNull(validator, "validator");
	}

	/**
	 * Sets what admits submissions: the log's health and the bound on submissions waiting for it. Call it before
	 * the first submission.
	 * @param gate the gate; without one, only the default bound applies
	 */
	public void admitThrough(SubmissionGate gate) {
		this.gate = Objects.requireNonNull(gate, "gate");
	}

	/**
	 * Sets what is told of each submission's outcome.
	 * @param listener the listener
	 */
	public void reportTo(EngineListener listener) {
		this.listener = Objects.requireNonNull(listener, "listener");
	}

	/**
	 * What this client has seen of the log and what it waits for; answers at once.
	 * @return the status
	 */
	public ClientStatus status() {
		return new ClientStatus(this.lastSealedBatch, this.lastCommittedBatch, this.pending.size(), this.gate.waiting(),
				this.topology != null);
	}

	/**
	 * The topology the coordinator announced, once this client has read it.
	 * @return the topology, or {@code null} before
	 */
	public Topology topology() {
		return this.topology;
	}

	/**
	 * {@inheritDoc}
	 * <p>Every check runs on the calling thread before anything is queued, so a refused input throws here and
	 * never reaches the log: no transaction id is spent on it.
	 * @throws InvalidInputException if the {@link InputValidator} finds violations or the payload cannot be encoded
	 * @throws LogUnavailableException if the log does not take writes now or too many submissions wait for it
	 */
	@Override
	public CompletableFuture<TransactionResult> submit(String event, Record payload) {
		return submitChecked(event, payload, null);
	}

	/**
	 * {@inheritDoc}
	 * <p>Every check runs on the calling thread before anything is queued, as for {@link #submit(String, Record)}.
	 */
	@Override
	public CompletableFuture<TransactionResult> submit(String event, Record payload, String idempotencyKey) {
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			throw new IllegalArgumentException("An idempotency key must not be blank; submit without one instead");
		}
		if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
			throw new IllegalArgumentException("An idempotency key has at most " + MAX_IDEMPOTENCY_KEY_LENGTH
					+ " characters, got " + idempotencyKey.length());
		}
		return submitChecked(event, payload, idempotencyKey);
	}

	private CompletableFuture<TransactionResult> submitChecked(String event, Record payload, String idempotencyKey) {
		if (this.closed) {
			throw new IllegalStateException("The vMODB client is closed");
		}
		if (this.draining) {
			throw new IllegalStateException("The vMODB client is shutting down and takes no new submissions; the "
					+ "transactions in flight still reach their outcome");
		}
		Topology current = awaitTopology();
		if (current.plan(event) == null) {
			throw new IllegalArgumentException("No VMS handles event '" + event + "'; handled events: "
					+ current.inputEvents());
		}
		if (payload == null) {
			throw new IllegalArgumentException("Event '" + event + "' needs a payload record, got null");
		}
		Class<?> expected = this.knownTypes.get(event);
		if (expected != null && !expected.isInstance(payload)) {
			throw new IllegalArgumentException("Event '" + event + "' takes " + expected.getName() + ", got "
					+ payload.getClass().getName());
		}
		List<String> violations = this.inputValidator.validate(event, payload);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(event, violations);
		}
		Submission submission = new Submission(event, encode(event, payload), idempotencyKey);
		CompletableFuture<TransactionResult> future = new CompletableFuture<>();
		synchronized (this.queue) {
			// checked again under the lock close() takes: a submission racing a close either fails here or is among
			// the pending ones close() fails, never queued after them and left waiting
			if (this.closed || this.draining) {
				throw new IllegalStateException("The vMODB client is " + (this.closed ? "closed" : "shutting down"));
			}
			this.gate.enter();
			long seq = this.nextSeq++;
			this.pending.put(seq, new Pending(seq, event, future));
			this.queue.add(new Queued(seq, submission));
		}
		return future;
	}

	// Encodes into a fresh array before anything is queued: a failure leaves nothing behind, not half a record.
	private static byte[] encode(String event, Record payload) {
		try {
			return RecordCodec.forType(payload.getClass()).encode(payload);
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException(event, List.of(payload.getClass().getName() + " cannot be encoded: "
					+ ex.getMessage()), ex);
		}
	}

	/**
	 * Applies a record of the control log, in log order.
	 * @param record the record
	 */
	public void onControl(ControlRecord record) {
		if (record instanceof TopologyAnnounced announced) {
			synchronized (this) {
				this.topology = Topology.of(announced.manifests());
				notifyAll();
			}
		}
		else if (record instanceof BatchSealed sealed) {
			assignTids(sealed);
			this.lastSealedBatch = sealed.batch();
		}
		else if (record instanceof BatchCommitted committed) {
			complete(committed);
			this.lastCommittedBatch = committed.batch();
		}
		// a re-run changes nothing for submitters: they wait for the commit
	}

	private Topology awaitTopology() {
		Topology current = this.topology;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			long deadline = System.nanoTime() + this.topologyTimeoutNanos;
			while (this.topology == null) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("No coordinator has announced the transaction topology within "
							+ TimeUnit.NANOSECONDS.toMillis(this.topologyTimeoutNanos) + " ms; is a coordinator running "
							+ "(vmodb.coordinator.enabled) and reachable through the log?");
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for the transaction topology", ex);
				}
			}
			return this.topology;
		}
	}

	private synchronized void assignTids(BatchSealed sealed) {
		long tid = sealed.firstTid();
		for (BatchSealed.Origin origin : sealed.origins()) {
			if (origin.clientId() == this.clientId) {
				for (int i = 0; i < origin.count(); i++) {
					Pending waiting = this.pending.get(origin.firstSeq() + i);
					if (waiting != null) {
						waiting.tid = tid + i;
						this.byBatch.computeIfAbsent(sealed.batch(), b -> new ArrayList<>()).add(waiting);
					}
				}
			}
			tid += origin.count();
		}
	}

	private void complete(BatchCommitted committed) {
		List<Pending> mine;
		synchronized (this) {
			mine = this.byBatch.remove(committed.batch());
		}
		if (mine == null) {
			return;
		}
		Map<Long, Abort> aborts = new HashMap<>();
		committed.aborts().forEach(abort -> aborts.putIfAbsent(abort.tid(), abort));
		Map<Long, Map<String, Object>> outputs = new HashMap<>();
		for (Result result : committed.results()) {
			outputs.computeIfAbsent(result.tid(), t -> new LinkedHashMap<>()).put(result.event(), decode(result));
		}
		Map<Long, Repeat> repeats = new HashMap<>();
		committed.repeats().forEach(repeat -> repeats.put(repeat.tid(), repeat));
		for (Pending waiting : mine) {
			this.pending.remove(waiting.seq);
			Repeat repeat = repeats.get(waiting.tid);
			if (repeat != null) {
				completeRepeat(waiting, repeat);
				continue;
			}
			Abort abort = aborts.get(waiting.tid);
			if (abort != null) {
				waiting.fail(new TransactionAbortedException(waiting.tid, abort.vms(), abort.handler(), abort.reason(),
						null), Outcome.ABORTED);
			}
			else {
				waiting.complete(new TransactionResult(waiting.tid, committed.batch(),
						outputs.getOrDefault(waiting.tid, Map.of())));
			}
		}
	}

	/** Completes a submission that repeated an idempotency key with the outcome of the key's first transaction. */
	private void completeRepeat(Pending waiting, Repeat repeat) {
		Abort abort = repeat.abort();
		if (abort != null) {
			waiting.fail(new TransactionAbortedException(repeat.originalTid(), abort.vms(), abort.handler(),
					abort.reason(), null), Outcome.ABORTED);
			return;
		}
		Map<String, Object> outputs = new LinkedHashMap<>();
		repeat.results().forEach(result -> outputs.put(result.event(), decode(result)));
		waiting.complete(new TransactionResult(repeat.originalTid(), repeat.originalBatch(), outputs));
	}

	private Object decode(Result result) {
		Class<?> type = this.knownTypes.get(result.event());
		return (type != null) ? RecordCodec.forType(type).decode(result.payload()) : result.payload();
	}

	private void sendLoop() {
		List<Queued> drained = new ArrayList<>(this.maxSubmissionsPerRecord);
		while (!this.closed) {
			try {
				drained.add(this.queue.take());
			}
			catch (InterruptedException ex) {
				return;
			}
			this.queue.drainTo(drained, this.maxSubmissionsPerRecord - 1);
			long firstSeq = drained.get(0).seq();
			List<Submission> submissions = drained.stream().map(Queued::submission).toList();
			SubmissionGate admittedBy = this.gate;
			this.log.appendInput(ProtocolCodec.encode(new SubmissionRecord(this.clientId, firstSeq, submissions)))
				.whenComplete((ignored, ex) -> {
					admittedBy.leave(submissions.size());
					if (ex != null) {
						for (int i = 0; i < submissions.size(); i++) {
							Pending failed = this.pending.remove(firstSeq + i);
							if (failed != null) {
								failed.fail(admittedBy.writeFailed(ex), Outcome.IN_DOUBT);
							}
						}
					}
				});
			drained.clear();
		}
	}

	/**
	 * Stops taking submissions and waits until those in flight have reached their outcome, or the time is up;
	 * the ones left are failed (in doubt) by {@link #close()}.
	 * @param timeout the longest wait
	 * @return how many submissions are still without an outcome
	 * @throws InterruptedException if interrupted while waiting
	 */
	public int drain(Duration timeout) throws InterruptedException {
		synchronized (this.queue) {
			// under the lock submissions take: each one is either refused or among those waited for
			this.draining = true;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.pending.isEmpty() && System.nanoTime() - deadline < 0) {
			TimeUnit.MILLISECONDS.sleep(5);
		}
		return this.pending.size();
	}

	@Override
	public void close() {
		synchronized (this.queue) {
			this.closed = true;
		}
		this.sender.interrupt();
		IllegalStateException closing = new IllegalStateException("The vMODB client closed before the transaction committed");
		this.pending.values().forEach(waiting -> waiting.fail(closing, Outcome.IN_DOUBT));
		this.pending.clear();
	}

	private record Queued(long seq, Submission submission) {
	}

	/** A submitted transaction; {@code tid} is set when its batch is sealed. */
	private final class Pending {

		final long seq;

		final String event;

		final long submittedNanos = System.nanoTime();

		final CompletableFuture<TransactionResult> future;

		long tid;

		private boolean finished;

		Pending(long seq, String event, CompletableFuture<TransactionResult> future) {
			this.seq = seq;
			this.event = event;
			this.future = future;
		}

		void complete(TransactionResult result) {
			if (finish(Outcome.COMMITTED)) {
				this.future.complete(result);
			}
		}

		void fail(Throwable failure, Outcome outcome) {
			if (finish(outcome)) {
				this.future.completeExceptionally(failure);
			}
		}

		/**
		 * Tells the listener before the future completes, so whoever waits on the future finds the outcome counted;
		 * only the first outcome counts (a close may race the commit).
		 */
		private synchronized boolean finish(Outcome outcome) {
			if (this.finished) {
				return false;
			}
			this.finished = true;
			TransactionClient.this.listener.transactionFinished(this.event, outcome, System.nanoTime() - this.submittedNanos);
			return true;
		}

	}

}
