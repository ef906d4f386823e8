package dev.vmodb.core.checkpoint;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.TableChanges;

/**
 * Where a VMS's committed state is made durable: its database.
 *
 * <p>Implementations write the changes and the checkpoint record in one local transaction, so the stored state
 * is always exactly the state of the batch the record names.
 */
public interface CheckpointSink {

	/**
	 * The newest checkpoint written.
	 * @return the checkpoint, or empty for a fresh database
	 */
	Optional<Checkpoint> lastCheckpoint();

	/**
	 * Reads every stored row of a table, to load it into memory at start-up.
	 * @param table the table
	 * @param rows receives each row in column order
	 */
	void loadRows(TableSchema table, Consumer<Object[]> rows);

	/**
	 * Writes the net changes of committed batches and the new checkpoint record, all or nothing.
	 * @param changes the changes per table
	 * @param checkpoint the committed state the changes bring the database to, and where the logs continue from it
	 */
	void write(List<TableChanges> changes, Checkpoint checkpoint);

	/**
	 * Releases what the sink holds between writes, such as a connection; called once no more checkpoints will be
	 * written by the {@link Checkpointer} using it. Does nothing by default.
	 */
	default void close() {
	}

}
