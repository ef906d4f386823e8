package dev.vmodb.core.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.CheckpointSink;
import dev.vmodb.core.checkpoint.Checkpointer;
import dev.vmodb.core.history.HistoryRecorder;
import dev.vmodb.core.metadata.HandlerDefinition;
import dev.vmodb.core.metadata.VmsDefinition;
import dev.vmodb.core.scheduler.ExecutionMode;
import dev.vmodb.core.scheduler.ScheduledTask;
import dev.vmodb.core.scheduler.VmsScheduler;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.tx.TransactionContext;

/**
 * One running VMS: its handlers, its versioned store, its scheduler and its checkpointer.
 */
public final class VmsRuntime implements AutoCloseable {

	private final VmsDefinition definition;

	private final VersionedStore store;

	private final Checkpointer checkpointer;

	private final VmsScheduler scheduler;

	/** The checkpoint the VMS started from. */
	private final Checkpoint restored;

	/** While a history is recorded: the handler each scheduled position runs, to name it when it is dispatched. */
	private volatile Map<Long, String> handlersToRecord;

	/**
	 * Creates a VMS runtime, loads its last checkpoint and starts its scheduler.
	 * @param definition the VMS's declaration
	 * @param store its (empty) store
	 * @param sink its database
	 * @param settings how it runs
	 */
	public VmsRuntime(VmsDefinition definition, VersionedStore store, CheckpointSink sink, RuntimeSettings settings) {
		this.definition = definition;
		this.store = store;
		this.checkpointer = new Checkpointer(store, sink, settings.checkpointInterval());
		this.restored = this.checkpointer.recover();
		this.scheduler = new VmsScheduler(definition.name(), settings.lanes(), Positions.after(this.restored.state().tid()));
	}

	public String name() {
		return this.definition.name();
	}

	public VmsDefinition definition() {
		return this.definition;
	}

	public VersionedStore store() {
		return this.store;
	}

	public Checkpointer checkpointer() {
		return this.checkpointer;
	}

	/**
	 * The checkpoint this VMS started from: its committed state and where its logs continue.
	 * @return the checkpoint ({@link Checkpoint#INITIAL} for a fresh database)
	 */
	public Checkpoint restored() {
		return this.restored;
	}

	/**
	 * Hands work to this VMS's scheduler; it runs once the work at the previous position has been dispatched.
	 * @param position the work's place in this VMS's order
	 * @param previous the position just before it
	 * @param handler the handler the work runs, which decides how it may overlap with its neighbours, or
	 * {@code null} for work that touches no state (a skipped handler)
	 * @param event the event, for the partition key of a partitioned handler
	 * @param body the work
	 */
	public void schedule(long position, long previous, HandlerDefinition handler, Object event, Runnable body) {
		Object partitionKey = (handler != null && event != null) ? handler.partitionKeyOf(event) : null;
		// an event whose partition value is null names no partition: run it alone, which is always safe (a task
		// refused here would leave a gap in the VMS's order and stall every later transaction)
		ExecutionMode mode = (handler == null || (handler.mode() == ExecutionMode.PARTITIONED && partitionKey == null))
				? ExecutionMode.SERIAL : handler.mode();
		Map<Long, String> names = this.handlersToRecord;
		if (names != null && handler != null) {
			names.put(position, handler.name());
		}
		this.scheduler.submit(new ScheduledTask(position, previous, mode, partitionKey, body));
	}

	/**
	 * Runs a handler in a transaction, on the calling thread; a handler that fails leaves no version behind.
	 * @param tid the transaction id
	 * @param batch its batch
	 * @param handler the handler
	 * @param event the input event
	 * @param time the transaction's time, its batch's sealing time: what {@code VmsTransaction.now()} returns
	 * @return the outcome
	 */
	public TaskOutcome run(long tid, long batch, HandlerDefinition handler, Object event, Instant time) {
		TransactionContext tx = new TransactionContext(tid, batch, handler.type(), this.store.committed().tid(), time,
				handler.name());
		try {
			Object output = tx.callBound(() -> {
				try {
					return handler.invoke(event);
				}
				catch (Exception | Error ex) {
					throw ex;
				}
				catch (Throwable ex) {
					throw new IllegalStateException(ex);
				}
			});
			return new TaskOutcome(tid, handler, output, null, tx.readFrom());
		}
		catch (Throwable ex) {
			this.store.discard(tx);
			return new TaskOutcome(tid, handler, null, ex, tx.readFrom());
		}
	}

	/**
	 * Records this VMS's history: what its handlers read and write, and the order it dispatches transactions in.
	 * @param recorder the recorder, or {@code null} to stop recording
	 */
	public void record(HistoryRecorder recorder) {
		this.store.observe(recorder);
		String vms = name();
		Map<Long, String> names = (recorder != null) ? new ConcurrentHashMap<>() : null;
		this.handlersToRecord = names;
		// a step that runs no handler (its transaction aborted upstream, or emitted nothing) applies nothing
		this.scheduler.onDispatch((recorder != null) ? position -> {
			String handler = names.remove(position);
			if (handler != null) {
				recorder.applied(vms, Positions.tidOf(position), handler);
			}
		} : null);
	}

	/**
	 * Makes a committed batch visible to readers, prunes versions, and lets the checkpointer know.
	 * @param batch the batch id
	 * @param lastTid its last TID
	 */
	public void commit(long batch, long lastTid) {
		commit(batch, lastTid, tid -> false);
	}

	/**
	 * Makes a committed batch visible without its aborted transactions, prunes versions, and lets the
	 * checkpointer know.
	 * @param batch the batch id
	 * @param lastTid its last TID
	 * @param aborted which of its TIDs aborted
	 */
	public void commit(long batch, long lastTid, LongPredicate aborted) {
		this.store.commit(batch, lastTid, aborted);
		this.checkpointer.batchCommitted();
	}

	/**
	 * Drops every task scheduled after a position, to schedule them again: the start of a re-run.
	 * @param position the last position that stays
	 */
	public void rewind(long position) {
		this.scheduler.rewind(position);
	}

	/**
	 * Removes the versions of transactions a re-run rolls back. Call only while none of this VMS's handlers runs.
	 * @param fromBatch the batch the re-run starts in
	 * @param tids which transactions
	 */
	public void rollBack(long fromBatch, LongPredicate tids) {
		this.store.rollBack(fromBatch, tids);
	}

	@Override
	public void close() {
		this.scheduler.close();
		try {
			this.checkpointer.checkpointNow();
		}
		finally {
			this.checkpointer.close();
		}
	}

}
