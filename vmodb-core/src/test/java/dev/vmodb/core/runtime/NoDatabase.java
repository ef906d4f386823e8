package dev.vmodb.core.runtime;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.CheckpointSink;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.TableChanges;

/**
 * A VMS without a database: it starts empty and keeps nothing.
 */
final class NoDatabase implements CheckpointSink {

	@Override
	public Optional<Checkpoint> lastCheckpoint() {
		return Optional.empty();
	}

	@Override
	public void loadRows(TableSchema table, Consumer<Object[]> rows) {
	}

	@Override
	public void write(List<TableChanges> changes, Checkpoint checkpoint) {
	}

}
