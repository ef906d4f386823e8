package dev.vmodb.jpa.checkpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.CheckpointSink;
import dev.vmodb.core.checkpoint.ResumePoint;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.CommitMark;
import dev.vmodb.core.store.TableChanges;

/**
 * Writes a VMS's committed batches into its JDBC database (H2) with batched statements, in one local transaction
 * together with the VMS's row of the {@code vmodb_checkpoint} table.
 *
 * <p>The entity tables must exist (Hibernate's schema tool creates them); the checkpoint table is created here if
 * absent. Each table writer knows the keys of the rows stored in its table (read with the rows at recovery, or by
 * one key query at the first checkpoint): rows new to the table are inserted and stored ones updated, without the
 * look-up a {@code MERGE} makes for every row; deletions of rows never stored are skipped. In tables with a unique
 * index, stored rows that changed are deleted and inserted again, because rows that swapped unique values collide
 * in any order of updates. Tables whose key values may compare differently in Java and SQL (decimals, floating
 * point, binary, time stamps), and every table after a failed checkpoint, use H2's {@code MERGE INTO ... KEY}.
 * The SQL is built once per table. Checkpoints are written on one connection the sink holds between them, with
 * its statements prepared once and reused: H2 does not cache parsed {@code MERGE}, {@code UPDATE} or
 * {@code DELETE} statements, so preparing them per checkpoint parsed them again every time. After a failed
 * checkpoint the connection is closed and the next one opens a new one. {@link #close()} releases it. The sink is
 * thread-safe; checkpoints are written one at a time.
 */
public final class JdbcCheckpointSink implements CheckpointSink {

	/** The table holding each VMS's newest checkpoint; several VMSs may share one database. */
	public static final String CHECKPOINT_TABLE = "vmodb_checkpoint";

	private static final String CREATE_CHECKPOINT_TABLE = "CREATE TABLE IF NOT EXISTS " + CHECKPOINT_TABLE
			+ " (vms VARCHAR(100) PRIMARY KEY, batch_id BIGINT NOT NULL, last_tid BIGINT NOT NULL, written_at TIMESTAMP)";

	/**
	 * Where the logs continue after the checkpoint; added to tables of databases written before positions were
	 * recorded, whose checkpoints then resume from the logs' beginning.
	 */
	private static final String[] ADD_RESUME_COLUMNS = {
			"ALTER TABLE " + CHECKPOINT_TABLE + " ADD COLUMN IF NOT EXISTS control_offset BIGINT DEFAULT 0 NOT NULL",
			"ALTER TABLE " + CHECKPOINT_TABLE + " ADD COLUMN IF NOT EXISTS topology_offset BIGINT DEFAULT -1 NOT NULL",
			"ALTER TABLE " + CHECKPOINT_TABLE + " ADD COLUMN IF NOT EXISTS events_offset BIGINT DEFAULT 0 NOT NULL",
			"ALTER TABLE " + CHECKPOINT_TABLE + " ADD COLUMN IF NOT EXISTS epoch BIGINT DEFAULT 0 NOT NULL" };

	private static final String SELECT_CHECKPOINT = "SELECT batch_id, last_tid, control_offset, topology_offset, "
			+ "events_offset, epoch FROM " + CHECKPOINT_TABLE + " WHERE vms = ?";

	private static final String MERGE_CHECKPOINT = "MERGE INTO " + CHECKPOINT_TABLE + " (vms, batch_id, last_tid, "
			+ "control_offset, topology_offset, events_offset, epoch, written_at) KEY (vms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	private final String vms;

	private final DataSource dataSource;

	private final Map<String, TableWriter> writers = new LinkedHashMap<>();

	/** The connection checkpoints are written on, held between them (with auto-commit off); guarded by {@code this}. */
	private Connection connection;

	/** The statements prepared on {@link #connection}, by SQL. */
	private final Map<String, PreparedStatement> statements = new HashMap<>();

	/** Set by {@link #close()}: later writes release their connection when done. */
	private boolean closed;

	/**
	 * Whether rows are inserted or updated by the keys each table writer knows to be stored; cleared for good by a
	 * failed checkpoint, after which every row is merged as if nothing were known about the database.
	 */
	private boolean knownKeys = true;

	/**
	 * Creates the sink and, if absent, the checkpoint table.
	 * @param vms the VMS name, the checkpoint table's key (at most 100 characters)
	 * @param dataSource the VMS's database
	 * @param tables the VMS's tables, which must exist in the database
	 * @throws JdbcCheckpointException if the checkpoint table cannot be created
	 */
	public JdbcCheckpointSink(String vms, DataSource dataSource, Collection<TableSchema> tables) {
		if (vms == null || vms.isEmpty() || vms.length() > 100) {
			throw new IllegalArgumentException("VMS name must have 1 to 100 characters, got '" + vms + "'");
		}
		this.vms = vms;
		this.dataSource = dataSource;
		for (TableSchema table : tables) {
			this.writers.put(table.name().toLowerCase(Locale.ROOT), new TableWriter(table));
		}
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(CREATE_CHECKPOINT_TABLE);
			for (String addColumn : ADD_RESUME_COLUMNS) {
				statement.execute(addColumn);
			}
		}
		catch (SQLException ex) {
			throw new JdbcCheckpointException("VMS '" + vms + "': cannot create table " + CHECKPOINT_TABLE + ": "
					+ ex.getMessage(), ex);
		}
	}

	@Override
	public Optional<Checkpoint> lastCheckpoint() {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(SELECT_CHECKPOINT)) {
			statement.setString(1, this.vms);
			try (ResultSet resultSet = statement.executeQuery()) {
				if (!resultSet.next()) {
					return Optional.empty();
				}
				CommitMark state = new CommitMark(resultSet.getLong(1), resultSet.getLong(2));
				ResumePoint resume = new ResumePoint(resultSet.getLong(3), resultSet.getLong(4), resultSet.getLong(5),
						resultSet.getLong(6));
				return Optional.of(new Checkpoint(state, resume));
			}
		}
		catch (SQLException ex) {
			throw new JdbcCheckpointException("VMS '" + this.vms + "': cannot read its checkpoint from table "
					+ CHECKPOINT_TABLE + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public synchronized void loadRows(TableSchema table, Consumer<Object[]> rows) {
		TableWriter writer = writer(table);
		try (Connection connection = this.dataSource.getConnection()) {
			writer.load(connection, rows);
		}
		catch (SQLException ex) {
			throw new JdbcCheckpointException("VMS '" + this.vms + "': cannot load table " + table.name() + ": "
					+ ex.getMessage(), ex);
		}
	}

	@Override
	public synchronized void write(List<TableChanges> changes, Checkpoint checkpoint) {
		// Resolve every table before touching the database, so an unknown table fails without a transaction.
		TableWriter[] writers = changes.stream().map(change -> writer(change.table())).toArray(TableWriter[]::new);
		boolean written = false;
		try {
			writeInTransaction(connection(), writers, changes, checkpoint);
			written = true;
		}
		catch (SQLException ex) {
			throw failure(checkpoint, "failed on its connection", ex);
		}
		finally {
			if (!written) {
				// After a failure nothing is known about the connection or the stored keys: start afresh, and merge.
				this.knownKeys = false;
				for (TableWriter writer : this.writers.values()) {
					writer.forget();
				}
			}
			if (!written || this.closed) {
				release();
			}
		}
	}

	/**
	 * Closes the connection the sink holds between checkpoints; a later write opens one for itself only.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		release();
	}

	/** The connection kept between checkpoints, so its statements are parsed once, not at every checkpoint. */
	private Connection connection() throws SQLException {
		if (this.connection == null) {
			Connection connection = this.dataSource.getConnection();
			try {
				connection.setAutoCommit(false);
			}
			catch (SQLException ex) {
				closeQuietly(connection);
				throw ex;
			}
			this.connection = connection;
		}
		return this.connection;
	}

	/** A statement prepared once on the held connection and kept open for the next checkpoints. */
	private PreparedStatement statement(String sql) throws SQLException {
		PreparedStatement statement = this.statements.get(sql);
		if (statement == null) {
			statement = this.connection.prepareStatement(sql);
			this.statements.put(sql, statement);
		}
		return statement;
	}

	private void release() {
		for (PreparedStatement statement : this.statements.values()) {
			closeQuietly(statement);
		}
		this.statements.clear();
		if (this.connection != null) {
			try {
				this.connection.rollback();
			}
			catch (SQLException ex) {
				// Closing below ends whatever transaction is left.
			}
			closeQuietly(this.connection);
			this.connection = null;
		}
	}

	private static void closeQuietly(AutoCloseable resource) {
		try {
			resource.close();
		}
		catch (Exception ex) {
			// A connection or statement that cannot be closed is dropped; the pool or the garbage collector ends it.
		}
	}

	private void writeInTransaction(Connection connection, TableWriter[] writers, List<TableChanges> changes,
			Checkpoint checkpoint) {
		String step = "table " + CHECKPOINT_TABLE;
		try {
			for (int i = 0; i < writers.length; i++) {
				step = "table " + writers[i].schema().name();
				writers[i].write(this::statement, changes.get(i), this.knownKeys);
			}
			step = "table " + CHECKPOINT_TABLE;
			PreparedStatement statement = statement(MERGE_CHECKPOINT);
			ResumePoint resume = checkpoint.resume();
			statement.setString(1, this.vms);
			statement.setLong(2, checkpoint.state().batch());
			statement.setLong(3, checkpoint.state().tid());
			statement.setLong(4, resume.controlOffset());
			statement.setLong(5, resume.topologyOffset());
			statement.setLong(6, resume.eventsOffset());
			statement.setLong(7, resume.epoch());
			statement.setTimestamp(8, Timestamp.from(Instant.now()));
			statement.executeUpdate();
			step = "commit";
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.rollback();
			}
			catch (SQLException rollbackFailure) {
				ex.addSuppressed(rollbackFailure);
			}
			throw failure(checkpoint, "failed writing " + step, ex);
		}
	}

	private JdbcCheckpointException failure(Checkpoint checkpoint, String what, Exception cause) {
		CommitMark state = checkpoint.state();
		return new JdbcCheckpointException("VMS '" + this.vms + "': checkpoint of batch " + state.batch() + " (TID "
				+ state.tid() + ") " + what + "; the database keeps the previous checkpoint: " + cause.getMessage(),
				cause);
	}

	private TableWriter writer(TableSchema table) {
		TableWriter writer = this.writers.get(table.name().toLowerCase(Locale.ROOT));
		if (writer == null) {
			throw new IllegalArgumentException("VMS '" + this.vms + "' has no table " + table.name()
					+ " in its checkpoint sink; it has " + this.writers.keySet());
		}
		return writer;
	}

}
