package dev.vmodb.core.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.CheckpointSink;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.TableChanges;

/** A database in memory for a VMS with one table of counters (id, total): its rows and its checkpoint record. */
final class MemoryCheckpointSink implements CheckpointSink {

	final Map<Long, Long> rows = new TreeMap<>();

	volatile Checkpoint checkpoint;

	@Override
	public Optional<Checkpoint> lastCheckpoint() {
		return Optional.ofNullable(this.checkpoint);
	}

	@Override
	public synchronized void loadRows(TableSchema table, Consumer<Object[]> consumer) {
		this.rows.forEach((id, total) -> consumer.accept(new Object[] { id, total }));
	}

	@Override
	public synchronized void write(List<TableChanges> changes, Checkpoint checkpoint) {
		for (TableChanges change : changes) {
			change.upserts().forEach(row -> this.rows.put((Long) row[0], (Long) row[1]));
			change.deletes().forEach(this.rows::remove);
		}
		this.checkpoint = checkpoint;
	}

	synchronized Map<Long, Long> rows() {
		return Map.copyOf(this.rows);
	}

}
