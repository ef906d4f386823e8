package dev.vmodb.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.BatchSettings;
import org.hibernate.cfg.JdbcSettings;

import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.ResumePoint;
import dev.vmodb.core.store.CommitMark;
import dev.vmodb.core.store.TableChanges;
import dev.vmodb.jpa.checkpoint.JdbcCheckpointSink;

/**
 * The flush methods compared: the checkpoint sink, raw batched JDBC (the limit), and Hibernate's StatelessSession.
 */
final class FlushMethods {

	static final String SINK = "JdbcCheckpointSink.write (MERGE ... KEY)";

	static final String HIBERNATE_UPSERT = "Hibernate StatelessSession.upsert";

	static final String HIBERNATE_INSERT = "Hibernate StatelessSession.insert";

	static final int JDBC_BATCH = 1000;

	private FlushMethods() {
	}

	/** The sink as the checkpointer calls it: one table's upserts plus the checkpoint row. */
	static FlushMethod sink(DataSource dataSource) {
		JdbcCheckpointSink sink = new JdbcCheckpointSink("bench", dataSource, List.of(BenchTable.SCHEMA));
		return new FlushMethod() {
			@Override
			public Object prepare(List<Object[]> rows) {
				return new TableChanges(BenchTable.SCHEMA, rows, List.of());
			}

			@Override
			public void flush(Object prepared, long flushNumber) {
				sink.write(List.of((TableChanges) prepared), new Checkpoint(new CommitMark(flushNumber, flushNumber), ResumePoint.BEGINNING));
			}

			@Override
			public void close() {
			}
		};
	}

	/** Plain batched UPDATE or INSERT: what H2 can do when the writer knows whether each row exists. */
	static FlushMethod rawJdbc(DataSource dataSource, boolean update) {
		return new FlushMethod() {
			@Override
			public Object prepare(List<Object[]> rows) {
				return rows;
			}

			@Override
			@SuppressWarnings("unchecked")
			public void flush(Object prepared, long flushNumber) throws Exception {
				try (Connection connection = dataSource.getConnection();
						PreparedStatement statement = connection.prepareStatement(update ? BenchTable.UPDATE : BenchTable.INSERT)) {
					connection.setAutoCommit(false);
					int pending = 0;
					for (Object[] row : (List<Object[]>) prepared) {
						for (int i = 0; i < row.length; i++) {
							// UPDATE takes the key last.
							int position = update ? ((i == 0) ? row.length : i) : i + 1;
							statement.setObject(position, row[i]);
						}
						statement.addBatch();
						if (++pending == JDBC_BATCH) {
							statement.executeBatch();
							pending = 0;
						}
					}
					statement.executeBatch();
					connection.commit();
					connection.setAutoCommit(true);
				}
			}

			@Override
			public void close() {
			}
		};
	}

	/**
	 * Hibernate's StatelessSession, one transaction per flush.
	 * @param upsert {@code upsert(entity)} (a MERGE) rather than {@code insert(entity)}
	 * @param sessionBatching set the session's JDBC batch size; Hibernate 7 ignores {@code hibernate.jdbc.batch_size}
	 * for stateless sessions, so without it every row is its own statement execution
	 */
	static FlushMethod hibernate(DataSource dataSource, boolean upsert, boolean sessionBatching) {
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
				.applySettings(Map.of(JdbcSettings.DATASOURCE, dataSource, BatchSettings.STATEMENT_BATCH_SIZE, JDBC_BATCH))
				.build();
		SessionFactory sessionFactory = new MetadataSources(registry).addAnnotatedClass(BenchItem.class).buildMetadata()
				.buildSessionFactory();
		return new FlushMethod() {
			@Override
			public Object prepare(List<Object[]> rows) {
				return rows.stream().map(BenchItem::new).toList();
			}

			@Override
			public void flush(Object prepared, long flushNumber) {
				try (StatelessSession session = sessionFactory.openStatelessSession()) {
					if (sessionBatching) {
						session.setJdbcBatchSize(JDBC_BATCH);
					}
					Transaction transaction = session.beginTransaction();
					for (Object entity : (List<?>) prepared) {
						if (upsert) {
							session.upsert(entity);
						}
						else {
							session.insert(entity);
						}
					}
					transaction.commit();
				}
			}

			@Override
			public void close() {
				sessionFactory.close();
				StandardServiceRegistryBuilder.destroy(registry);
			}
		};
	}

}
