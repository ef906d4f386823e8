package dev.vmodb.core.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.metadata.HandlerDefinition;

/**
 * Sequences and batches transactions for the VMSs of one process, without a log.
 *
 * <p>It assigns TIDs in submission order, groups them into batches sealed by a time window or a size, and
 * commits a batch at every VMS once all its transactions finished and every earlier batch committed; then the
 * submitters' futures complete. Each transaction is one input event handled by one VMS. This is the engine's
 * in-process mode; the Kafka-backed coordinator replaces it for cross-service transactions.
 */
public final class LocalBatchCoordinator implements VmsClient, AutoCloseable {

	private final List<VmsRuntime> runtimes;

	private final Map<String, Route> routes = new HashMap<>();

	private final BatchPolicy policy;

	private final ScheduledExecutorService clock;

	private final Map<String, Long> lastTidByVms = new HashMap<>();

	private final ArrayDeque<Batch> unfinished = new ArrayDeque<>();

	private long lastTid;

	private long lastBatch;

	private Batch open;

	public LocalBatchCoordinator(Collection<VmsRuntime> runtimes, BatchPolicy policy) {
		this.runtimes = List.copyOf(runtimes);
		this.policy = policy;
		for (VmsRuntime runtime : this.runtimes) {
			this.lastTidByVms.put(runtime.name(), runtime.store().committed().tid());
			this.lastTid = Math.max(this.lastTid, runtime.store().committed().tid());
			this.lastBatch = Math.max(this.lastBatch, runtime.store().committed().batch());
			runtime.definition().handlers().values().forEach(handler -> {
				Route previous = this.routes.putIfAbsent(handler.inboundEvent(), new Route(runtime, handler));
				if (previous != null) {
					throw new IllegalStateException("Event '" + handler.inboundEvent() + "' is handled by VMS '"
							+ previous.runtime().name() + "' and VMS '" + runtime.name()
							+ "'; in-process mode gives each input event one handler");
				}
			});
		}
		this.clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "vmodb-coordinator");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public CompletableFuture<TransactionResult> submit(String event, Record payload) {
		Route route = this.routes.get(event);
		if (route == null) {
			throw new IllegalArgumentException("No VMS handles event '" + event + "'; handled events: " + this.routes.keySet());
		}
		if (!route.handler().inboundType().isInstance(payload)) {
			throw new IllegalArgumentException("Event '" + event + "' takes " + route.handler().inboundType().getName()
					+ ", got " + ((payload != null) ? payload.getClass().getName() : "null"));
		}
		CompletableFuture<TransactionResult> result = new CompletableFuture<>();
		long tid;
		long previousTid;
		Batch batch;
		synchronized (this) {
			tid = ++this.lastTid;
			previousTid = this.lastTidByVms.put(route.runtime().name(), tid);
			batch = openBatch();
			batch.add(tid, result);
			if (batch.size() >= this.policy.maxSize()) {
				seal(batch);
			}
		}
		route.runtime()
			.execute(tid, previousTid, batch.id, route.handler(), payload)
			.thenAccept(outcome -> this.clock.execute(() -> finished(batch, outcome)));
		return result;
	}

	private Batch openBatch() {
		if (this.open == null) {
			Batch batch = new Batch(++this.lastBatch);
			this.open = batch;
			this.unfinished.add(batch);
			this.clock.schedule(() -> {
				synchronized (this) {
					seal(batch);
				}
			}, this.policy.window().toNanos(), TimeUnit.NANOSECONDS);
		}
		return this.open;
	}

	/** Caller holds the lock. */
	private void seal(Batch batch) {
		if (!batch.sealed) {
			batch.sealed = true;
			if (this.open == batch) {
				this.open = null;
			}
			this.clock.execute(this::commitReady);
		}
	}

	/** Runs on the coordinator thread. */
	private void finished(Batch batch, TaskOutcome outcome) {
		batch.outcomes.add(outcome);
		commitReady();
	}

	/** Runs on the coordinator thread: commits finished batches in order. */
	private void commitReady() {
		while (true) {
			Batch batch;
			synchronized (this) {
				batch = this.unfinished.peek();
				if (batch == null || !batch.sealed || batch.outcomes.size() < batch.size()) {
					return;
				}
				this.unfinished.poll();
			}
			for (VmsRuntime runtime : this.runtimes) {
				runtime.commit(batch.id, batch.lastTid);
			}
			for (TaskOutcome outcome : batch.outcomes) {
				CompletableFuture<TransactionResult> future = batch.futures.get(outcome.tid());
				HandlerDefinition handler = outcome.handler();
				if (outcome.succeeded()) {
					future.complete(new TransactionResult(outcome.tid(), batch.id, handler.outboundEvent(), outcome.output()));
				}
				else {
					future.completeExceptionally(new TransactionAbortedException(outcome.tid(), handler.vms(),
							handler.name(), String.valueOf(outcome.failure().getMessage()), outcome.failure()));
				}
			}
		}
	}

	@Override
	public void close() {
		this.clock.shutdown();
	}

	private record Route(VmsRuntime runtime, HandlerDefinition handler) {
	}

	/** A batch's bookkeeping; fields change under the coordinator lock or on the coordinator thread. */
	private static final class Batch {

		final long id;

		final Map<Long, CompletableFuture<TransactionResult>> futures = new HashMap<>();

		final List<TaskOutcome> outcomes = new ArrayList<>();

		long lastTid;

		boolean sealed;

		Batch(long id) {
			this.id = id;
		}

		void add(long tid, CompletableFuture<TransactionResult> future) {
			this.futures.put(tid, future);
			this.lastTid = tid;
		}

		int size() {
			return this.futures.size();
		}

	}

}
