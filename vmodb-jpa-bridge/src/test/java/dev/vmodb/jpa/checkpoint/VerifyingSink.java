package dev.vmodb.jpa.checkpoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.CheckpointSink;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.CommitMark;
import dev.vmodb.core.store.TableChanges;
import dev.vmodb.core.store.VersionedStore;

/**
 * Checks after every checkpoint, background ones included, that the database holds exactly the store's state at it.
 *
 * <p>The check runs inside {@link #write}, while the checkpointer still holds its snapshot open, so the store's
 * versions at the checkpoint's TID are still there however far the workload has moved on.
 */
final class VerifyingSink implements CheckpointSink {

	private final CheckpointSink delegate;

	private final VersionedStore store;

	private final DataSource dataSource;

	private final AtomicInteger verified = new AtomicInteger();

	private final List<String> mismatches = new CopyOnWriteArrayList<>();

	VerifyingSink(CheckpointSink delegate, VersionedStore store, DataSource dataSource) {
		this.delegate = delegate;
		this.store = store;
		this.dataSource = dataSource;
	}

	@Override
	public Optional<Checkpoint> lastCheckpoint() {
		return this.delegate.lastCheckpoint();
	}

	@Override
	public void loadRows(TableSchema table, Consumer<Object[]> rows) {
		this.delegate.loadRows(table, rows);
	}

	@Override
	public void write(List<TableChanges> changes, Checkpoint checkpoint) {
		this.delegate.write(changes, checkpoint);
		CommitMark mark = checkpoint.state();
		for (var table : this.store.tables()) {
			TableSchema schema = table.schema();
			Map<Object, List<Object>> expected = Contents.ofStore(this.store, schema, mark.tid());
			Map<Object, List<Object>> actual = Contents.ofDatabase(this.dataSource, schema);
			if (!expected.equals(actual)) {
				this.mismatches.add("checkpoint " + mark + ", table " + schema.name() + ": "
						+ Contents.differences(expected, actual));
			}
		}
		CommitMark stored = Contents.checkpointRow(this.dataSource, this.store.vms());
		Checkpoint read = this.delegate.lastCheckpoint().orElse(null);
		if (!mark.equals(stored) || !checkpoint.equals(read)) {
			this.mismatches.add("checkpoint " + checkpoint + " but vmodb_checkpoint holds " + stored + ", read as " + read);
		}
		this.verified.incrementAndGet();
	}

	int verified() {
		return this.verified.get();
	}

	List<String> mismatches() {
		return this.mismatches;
	}

}
