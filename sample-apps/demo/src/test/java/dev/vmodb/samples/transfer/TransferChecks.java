package dev.vmodb.samples.transfer;

import java.util.HashSet;
import java.util.Set;

import dev.vmodb.core.history.ApplyOrderChecker;
import dev.vmodb.core.history.ApplyOrderReport;
import dev.vmodb.core.history.History;
import dev.vmodb.core.history.SerializabilityChecker;
import dev.vmodb.core.history.SerializabilityReport;
import dev.vmodb.samples.demo.accounts.Account;
import dev.vmodb.samples.demo.ledger.LedgerAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks both transfer tests make after the run.
 */
final class TransferChecks {

	private TransferChecks() {
	}

	static void verify(TransferScenario.Outcome outcome, SnapshotAuditor.Repositories repositories, int transfers) {
		assertThat(outcome.wrongResults()).isEmpty();
		assertThat(outcome.committedTransfers().size() + outcome.abortedTransfers().size()).isEqualTo(transfers);
		assertThat(outcome.committedTransfers()).hasSizeGreaterThan(transfers / 2);
		assertThat(outcome.abortedTransfers()).as("overdrafts abort").isNotEmpty();
		assertThat(new HashSet<>(outcome.committedTransfers().values())).as("distinct TIDs")
			.hasSize(outcome.committedTransfers().size());

		long accounts = repositories.accounts().findAll().stream().mapToLong(Account::getBalance).sum();
		long ledger = repositories.ledger().findAll().stream().mapToLong(LedgerAccount::getBalance).sum();
		assertThat(accounts + ledger).as("money conserved across accounts and ledger")
			.isEqualTo(TransferScenario.ACCOUNTS * TransferScenario.OPENING_BALANCE);
		assertThat(repositories.accounts().findAll()).allSatisfy(a -> assertThat(a.getBalance()).isNotNegative());

		Set<Long> committedIds = outcome.committedTransfers().keySet();
		assertThat(repositories.debits().count()).isEqualTo(committedIds.size());
		assertThat(repositories.credits().count()).isEqualTo(committedIds.size());
		assertThat(repositories.audit().findAll()).hasSize(committedIds.size())
			.allSatisfy(entry -> {
				assertThat(committedIds).contains(entry.getTransferId());
				assertThat(entry.getCredited()).isEqualTo(entry.getDebited());
			});
		assertThat(outcome.abortedTransfers()).allSatisfy(id -> {
			assertThat(repositories.debits().existsById(id)).isFalse();
			assertThat(repositories.credits().existsById(id)).isFalse();
			assertThat(repositories.audit().existsById(id)).isFalse();
		});

		assertThat(outcome.snapshots()).as("snapshot rounds during the run").isPositive();
		assertThat(outcome.snapshotViolations()).isEmpty();

		History history = outcome.history().snapshot();
		ApplyOrderReport order = new ApplyOrderChecker().check(history);
		assertThat(order.passed()).as(order.describe()).isTrue();
		assertThat(order.starts()).containsKeys("accounts", "ledger", "audit");
		SerializabilityReport report = new SerializabilityChecker().check(history);
		assertThat(report.serializable()).as(report.describe()).isTrue();
		assertThat(report.serialInTidOrder()).as(report.describe()).isTrue();
		assertThat(report.transactions()).isGreaterThan(committedIds.size());
		assertThat(report.dependencyCount()).isPositive();
		System.out.println("History: " + report.transactions() + " transactions, " + report.dependencies()
				+ " dependencies; apply order " + order.starts());
	}


}
