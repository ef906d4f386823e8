package dev.vmodb.core.runtime;

import java.util.concurrent.CompletableFuture;

import dev.vmodb.core.checkpoint.CheckpointSink;
import dev.vmodb.core.checkpoint.Checkpointer;
import dev.vmodb.core.metadata.HandlerDefinition;
import dev.vmodb.core.metadata.VmsDefinition;
import dev.vmodb.core.scheduler.ExecutionMode;
import dev.vmodb.core.scheduler.ScheduledTask;
import dev.vmodb.core.scheduler.VmsScheduler;
import dev.vmodb.core.store.CommitMark;
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
		CommitMark restored = this.checkpointer.recover();
		this.scheduler = new VmsScheduler(definition.name(), settings.lanes(), restored.tid());
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
	 * Runs a transaction's handler here once every earlier transaction at this VMS has been dispatched.
	 * @param tid the transaction id
	 * @param previousTid the TID of the transaction before it at this VMS
	 * @param batch its batch
	 * @param handler the handler to run
	 * @param event the input event
	 * @return the outcome; a failed handler leaves no version in this store
	 */
	public CompletableFuture<TaskOutcome> execute(long tid, long previousTid, long batch, HandlerDefinition handler,
			Object event) {
		CompletableFuture<TaskOutcome> outcome = new CompletableFuture<>();
		Object partitionKey = handler.partitionKeyOf(event);
		// an event whose partition value is null names no partition: run it alone, which is always safe (a task
		// refused here would leave a gap in the VMS's TID order and stall every later transaction)
		ExecutionMode mode = (handler.mode() == ExecutionMode.PARTITIONED && partitionKey == null) ? ExecutionMode.SERIAL
				: handler.mode();
		this.scheduler.submit(new ScheduledTask(tid, previousTid, mode, partitionKey,
				() -> outcome.complete(run(tid, batch, handler, event))));
		return outcome;
	}

	/**
	 * Makes a committed batch visible to readers, prunes versions, and lets the checkpointer know.
	 * @param batch the batch id
	 * @param lastTid its last TID
	 */
	public void commit(long batch, long lastTid) {
		this.store.commit(batch, lastTid);
		this.checkpointer.batchCommitted();
	}

	private TaskOutcome run(long tid, long batch, HandlerDefinition handler, Object event) {
		TransactionContext tx = new TransactionContext(tid, batch, handler.type());
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
			return new TaskOutcome(tid, handler, output, null);
		}
		catch (Throwable ex) {
			this.store.discard(tx);
			return new TaskOutcome(tid, handler, null, ex);
		}
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
