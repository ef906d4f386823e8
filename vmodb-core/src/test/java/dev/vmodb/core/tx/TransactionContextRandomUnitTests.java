package dev.vmodb.core.tx;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.TransactionType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler run's time and random source depend on its transaction and handler only.
 */
class TransactionContextRandomUnitTests {

	private static final Instant SEALED = Instant.parse("2026-01-02T03:04:05.678Z");

	private static TransactionContext run(long tid, String handler) {
		return new TransactionContext(tid, 1, TransactionType.READ_WRITE, 0, SEALED, handler);
	}

	@Test
	void everyRunOfAHandlerInATransactionDrawsTheSameSequence() {
		RandomGenerator first = run(42, "Stock.reserve").random();
		RandomGenerator again = run(42, "Stock.reserve").random();
		for (int i = 0; i < 5; i++) {
			assertThat(again.nextLong()).isEqualTo(first.nextLong());
		}
		TransactionContext tx = run(42, "Stock.reserve");
		assertThat(tx.random()).as("one generator per run").isSameAs(tx.random());
		assertThat(tx.time()).isEqualTo(SEALED);
	}

	@Test
	void otherTransactionsAndHandlersDrawUnrelatedValues() {
		Set<Long> firstDraws = new HashSet<>();
		for (long tid = 1; tid <= 1_000; tid++) {
			firstDraws.add(run(tid, "Stock.reserve").random().nextLong());
			firstDraws.add(run(tid, "Stock.restock").random().nextLong());
		}
		assertThat(firstDraws).hasSize(2_000);
		// neighbouring seeds differ in about half their bits: the mixer spreads a one-bit change of the TID
		int differing = Long.bitCount(TransactionSeed.of(7, "A.b") ^ TransactionSeed.of(8, "A.b"));
		assertThat(differing).isBetween(16, 48);
	}

}
