package dev.vmodb.jpa.checkpoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.function.Consumer;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.schema.CompositeKey;
import dev.vmodb.core.store.CommitMark;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.tx.TransactionContext;

/**
 * Runs seeded random batches of inserts, updates, upserts, deletes and aborts against the test VMS's store.
 */
final class RandomWorkload {

	private static final String[] CITIES = { "Lisbon", "Porto", "Braga", "Faro", null };

	private static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 1, 0, 0);

	private final VersionedStore store;

	private final VersionedTable customers;

	private final VersionedTable lines;

	private final Random random;

	private long nextTid;

	private long nextBatch;

	RandomWorkload(VersionedStore store, long seed) {
		this.store = store;
		this.customers = store.table("customer");
		this.lines = store.table("order_line");
		this.random = new Random(seed);
		CommitMark committed = store.committed();
		this.nextTid = committed.tid() + 1;
		this.nextBatch = committed.batch() + 1;
	}

	/**
	 * Runs a batch of 0 to 12 random transactions (some aborted) and commits it.
	 * @return the committed state
	 */
	CommitMark runBatch() {
		int transactions = this.random.nextInt(13);
		return runBatch(transactions, tx -> {
			int operations = 1 + this.random.nextInt(4);
			for (int i = 0; i < operations; i++) {
				randomOperation(tx);
			}
			if (this.random.nextInt(20) == 0) {
				this.store.discard(tx);
			}
		});
	}

	/**
	 * Runs a batch of transactions doing the given work and commits it.
	 * @param transactions the number of transactions
	 * @param work what each transaction does
	 * @return the committed state
	 */
	CommitMark runBatch(int transactions, Consumer<TransactionContext> work) {
		long batch = this.nextBatch++;
		for (int i = 0; i < transactions; i++) {
			work.accept(new TransactionContext(this.nextTid++, batch, TransactionType.READ_WRITE));
		}
		this.store.commit(batch, this.nextTid - 1);
		return this.store.committed();
	}

	Object[] randomCustomer(long id) {
		return new Object[] { id, text(3, 12), CITIES[this.random.nextInt(CITIES.length)], money(), (long) this.random.nextInt(1000),
				EPOCH.plusNanos(micros()), EPOCH.toInstant(java.time.ZoneOffset.UTC).plusNanos(micros()), this.random.nextBoolean() };
	}

	Object[] randomLine(long orderId, int lineNo) {
		String note = (this.random.nextInt(10) < 3) ? null : text(0, 20);
		LocalDate placedOn = (this.random.nextInt(10) == 0) ? null : LocalDate.of(2026, 1, 1).plusDays(this.random.nextInt(365));
		return new Object[] { orderId, lineNo, text(1, 5).toUpperCase(java.util.Locale.ROOT), 1 + this.random.nextInt(100),
				money(), note, placedOn };
	}

	private void randomOperation(TransactionContext tx) {
		long customerId = 1 + this.random.nextInt(120);
		switch (this.random.nextInt(10)) {
			case 0, 1 -> this.customers.upsert(tx, randomCustomer(customerId));
			case 2 -> {
				if (this.customers.read(customerId, tx.tid()) == null) {
					this.customers.insert(tx, randomCustomer(customerId));
				}
			}
			case 3, 4 -> {
				Object[] current = this.customers.read(customerId, tx.tid());
				if (current != null) {
					Object[] next = current.clone();
					next[3] = money();
					next[4] = (Long) current[4] + 1;
					next[6] = ((Instant) current[6]).plusNanos(1000);
					this.customers.update(tx, next);
				}
			}
			case 5 -> this.customers.delete(tx, customerId);
			case 6, 7 -> this.lines.upsert(tx, randomLine(1 + this.random.nextInt(30), 1 + this.random.nextInt(4)));
			case 8 -> this.lines.delete(tx, CompositeKey.of(1L + this.random.nextInt(30), 1 + this.random.nextInt(4)));
			default -> {
				// The same key written twice by one transaction: only the second write may survive.
				this.customers.upsert(tx, randomCustomer(customerId));
				this.customers.upsert(tx, randomCustomer(customerId));
			}
		}
	}

	private String text(int min, int max) {
		int length = min + this.random.nextInt(max - min + 1);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + this.random.nextInt(26)));
		}
		return text.toString();
	}

	private BigDecimal money() {
		return BigDecimal.valueOf(this.random.nextInt(10_000_000), 2);
	}

	private long micros() {
		return (this.random.nextLong() & 0xFFFFFFFFFFFL) * 1000;
	}

}
