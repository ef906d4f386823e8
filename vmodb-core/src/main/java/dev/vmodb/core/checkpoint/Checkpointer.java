package dev.vmodb.core.checkpoint;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.vmodb.core.monitor.EngineListener;
import dev.vmodb.core.store.CommitMark;
import dev.vmodb.core.store.Snapshot;
import dev.vmodb.core.store.TableChanges;
import dev.vmodb.core.store.VersionedStore;

/**
 * Materialises a VMS's committed batches into its database, coalesced over a checkpoint interval.
 *
 * <p>A checkpoint writes, for every row changed since the previous one, the row's state at the newest committed
 * batch (one write per row however often it changed) together with the checkpoint record, in one local
 * transaction. Checkpoints run on a thread of their own, so committing a batch never waits for the disk.
 */
public final class Checkpointer implements AutoCloseable {

	private static final Logger logger = Logger.getLogger(Checkpointer.class.getName());

	private final VersionedStore store;

	private final CheckpointSink sink;

	private final long intervalNanos;

	private final ScheduledExecutorService worker;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private volatile CommitMark checkpointed = CommitMark.INITIAL;

	/** Where the logs continue after a committed batch; a checkpoint writes it with the batch's state. */
	private volatile LongFunction<ResumePoint> resumePoints = batch -> ResumePoint.BEGINNING;

	private volatile long lastRunNanos = System.nanoTime();

	private volatile RuntimeException failure;

	private volatile int consecutiveFailures;

	private volatile EngineListener listener = EngineListener.NONE;

	/**
	 * Creates a checkpointer.
	 * @param store the VMS's store
	 * @param sink the VMS's database
	 * @param interval the time to coalesce committed batches over; zero to checkpoint after every batch
	 */
	public Checkpointer(VersionedStore store, CheckpointSink sink, Duration interval) {
		this.store = store;
		this.sink = sink;
		this.intervalNanos = interval.toNanos();
		ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, runnable -> {
			Thread thread = new Thread(runnable, "vmodb-checkpoint-" + store.vms());
			thread.setDaemon(true);
			return thread;
		});
		// closing writes a last checkpoint itself: a pending one need not hold the close for the rest of its interval
		worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.worker = worker;
	}

	/**
	 * Loads the last checkpoint into the store; call once, before any transaction runs.
	 * @return the restored checkpoint ({@link Checkpoint#INITIAL} for a fresh database)
	 */
	public Checkpoint recover() {
		Checkpoint checkpoint = this.sink.lastCheckpoint().orElse(Checkpoint.INITIAL);
		CommitMark mark = checkpoint.state();
		this.store.tables().forEach(table -> this.sink.loadRows(table.schema(), row -> table.load(row, mark.tid())));
		this.store.restore(mark);
		this.checkpointed = mark;
		return checkpoint;
	}

	/**
	 * Tells the checkpointer where the logs continue after each committed batch. It asks for a batch once the batch
	 * is committed in the store, so the answer must be known before the commit is made visible; a batch without
	 * an answer is checkpointed with {@link ResumePoint#BEGINNING}, which is always correct but slower to recover.
	 * @param positions the resume point after a committed batch, by batch id
	 */
	public void resumeWith(LongFunction<ResumePoint> positions) {
		this.resumePoints = positions;
	}

	/**
	 * Tells the checkpointer a batch committed; a checkpoint follows once the interval since the last one has passed
	 * (at once if it has), covering every batch committed meanwhile.
	 */
	public void batchCommitted() {
		if (this.scheduled.compareAndSet(false, true)) {
			// at the interval's end, not at the next commit after it: an idle VMS must not keep its last batches out
			// of its database (and its checkpoint lag up) until traffic resumes
			long wait = Math.max(0, this.intervalNanos - (System.nanoTime() - this.lastRunNanos));
			this.worker.schedule(() -> {
				this.scheduled.set(false);
				runQuietly();
			}, wait, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Checkpoints the newest committed batch now, on the calling thread's behalf, and waits for it.
	 * @return the checkpointed state
	 */
	public CommitMark checkpointNow() {
		try {
			this.worker.submit(this::checkpoint).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while checkpointing VMS '" + this.store.vms() + "'", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("Checkpoint of VMS '" + this.store.vms() + "' failed", ex.getCause());
		}
		return this.checkpointed;
	}

	/**
	 * The newest state written to the database.
	 * @return the checkpointed batch and TID
	 */
	public CommitMark checkpointed() {
		return this.checkpointed;
	}

	/**
	 * The failure of the last background checkpoint, if it failed; it is retried at the next commit.
	 * @return the failure or {@code null}
	 */
	public RuntimeException lastFailure() {
		return this.failure;
	}

	/**
	 * How many background checkpoints in a row have failed.
	 * @return 0 when the last one succeeded
	 */
	public int consecutiveFailures() {
		return this.consecutiveFailures;
	}

	/**
	 * Sets what is told of each checkpoint written.
	 * @param listener the listener
	 */
	public void reportTo(EngineListener listener) {
		this.listener = Objects.requireNonNull(listener, "listener");
	}

	private void runQuietly() {
		try {
			checkpoint();
			this.failure = null;
			this.consecutiveFailures = 0;
		}
		catch (RuntimeException ex) {
			this.failure = ex;
			this.consecutiveFailures++;
			logger.log(Level.WARNING, "Checkpoint of VMS '" + this.store.vms() + "' failed; retrying at the next commit", ex);
		}
	}

	/** Runs on the worker thread only, so checkpoints never overlap. */
	private void checkpoint() {
		this.lastRunNanos = System.nanoTime();
		try (Snapshot snapshot = this.store.openSnapshot()) {
			CommitMark target = snapshot.mark();
			CommitMark from = this.checkpointed;
			if (target.batch() <= from.batch()) {
				return;
			}
			long started = System.nanoTime();
			List<TableChanges> changes = this.store.changes(from, target);
			ResumePoint resume = this.resumePoints.apply(target.batch());
			this.sink.write(changes, new Checkpoint(target, (resume != null) ? resume : ResumePoint.BEGINNING));
			this.checkpointed = target;
			this.listener.checkpointWritten(this.store.vms(), System.nanoTime() - started);
			this.store.releaseCheckpointed(target.batch());
		}
	}

	@Override
	public void close() {
		this.worker.shutdown();
		try {
			this.worker.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.sink.close();
		}
	}

}
