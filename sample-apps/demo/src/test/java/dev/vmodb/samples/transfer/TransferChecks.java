package dev.vmodb.samples.transfer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import java.util.Set;

import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.history.ApplyOrderChecker;
import dev.vmodb.core.history.ApplyOrderReport;
import dev.vmodb.core.history.History;
import dev.vmodb.core.history.SerializabilityChecker;
import dev.vmodb.core.history.SerializabilityReport;
import dev.vmodb.samples.demo.accounts.Account;
import dev.vmodb.samples.demo.audit.AuditEntry;
import dev.vmodb.samples.demo.events.TransferEvents.Transfer;
import dev.vmodb.samples.demo.ledger.LedgerAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks both transfer tests make after the run.
 */
final class TransferChecks {

	private TransferChecks() {
	}

	static void verify(TransferScenario.Outcome outcome, SnapshotAuditor.Repositories repositories, int transfers,
			Map<String, DataSource> databases) {
		assertThat(outcome.wrongResults()).isEmpty();
		assertThat(outcome.committedTransfers().size() + outcome.abortedTransfers().size()).isEqualTo(transfers);
		assertThat(outcome.committedTransfers()).hasSizeGreaterThan(transfers / 2);
		verifyAbortPlaces(outcome, transfers);
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
		assertThat(outcome.abortedTransfers().keySet()).allSatisfy(id -> {
			assertThat(repositories.debits().existsById(id)).isFalse();
			assertThat(repositories.credits().existsById(id)).isFalse();
			assertThat(repositories.audit().existsById(id)).isFalse();
		});

		verifyDatabases(databases, committedIds, outcome.abortedTransfers().keySet());

		assertThat(outcome.snapshots()).as("snapshot rounds during the run").isPositive();
		assertThat(outcome.snapshotViolations()).isEmpty();

		History history = outcome.history().snapshot();
		verifyNothingRanDownstreamOfFailures(history, outcome.abortedTransfers());
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

	/**
	 * Every abort is reported where the transfer's parameters say it fails (an overdraft can happen to any
	 * transfer, at the input VMS), no committed transfer broke a rule, and each kind of place failed some.
	 */
	private static void verifyAbortPlaces(TransferScenario.Outcome outcome, int transfers) {
		Map<String, Integer> places = new TreeMap<>();
		outcome.abortedTransfers().forEach((id, abort) -> {
			Transfer transfer = outcome.transfers().get(id);
			String place = abort.vms() + "." + abort.handler();
			places.merge(place, 1, Integer::sum);
			Set<String> possible = new HashSet<>();
			possible.add(DEBIT);
			if (TransferScenario.FROZEN.contains(transfer.to())) {
				possible.add(CREDIT);
			}
			if (transfer.amount() > AuditEntry.SINGLE_TRANSFER_LIMIT) {
				possible.add(AUDIT_DEBIT);
			}
			if (transfer.from() == transfer.to()) {
				possible.add(AUDIT_CREDIT);
			}
			assertThat(possible).as("where transfer %s (%s) may abort; it aborted: %s", id, transfer, abort.getMessage())
				.contains(place);
			if (place.equals(DEBIT)) {
				assertThat(abort.reason()).contains("IntegrityViolationException").contains("balance");
			}
		});
		System.out.println("Aborts by place: " + places);
		assertThat(places).as("aborts at the input VMS, in the middle, on one branch, at the terminal")
			.containsKeys(DEBIT, CREDIT, AUDIT_DEBIT, AUDIT_CREDIT);
		assertThat(outcome.abortedTransfers().size()).as("about one in ten aborts")
			.isBetween(transfers / 20, transfers / 4);
		outcome.committedTransfers().keySet().forEach(id -> {
			Transfer transfer = outcome.transfers().get(id);
			assertThat(TransferScenario.FROZEN).as("committed %s", transfer).doesNotContain(transfer.to());
			assertThat(transfer.amount()).as("committed %s", transfer).isLessThanOrEqualTo(AuditEntry.SINGLE_TRANSFER_LIMIT);
			assertThat(transfer.from()).as("committed %s", transfer).isNotEqualTo(transfer.to());
		});
	}

	/** The handlers downstream of a failed one in the transfer's DAG never ran for it. */
	private static void verifyNothingRanDownstreamOfFailures(History history,
			Map<Long, TransactionAbortedException> aborts) {
		Map<String, Set<String>> downstream = Map.of(DEBIT, Set.of(CREDIT, AUDIT_DEBIT, AUDIT_CREDIT), CREDIT,
				Set.of(AUDIT_CREDIT), AUDIT_DEBIT, Set.of(), AUDIT_CREDIT, Set.of());
		Map<Long, Set<String>> ran = new HashMap<>();
		history.applied().forEach(applied -> ran.computeIfAbsent(applied.tid(), t -> new HashSet<>())
			.add(applied.vms() + "." + applied.handler()));
		int checked = 0;
		for (TransactionAbortedException abort : aborts.values()) {
			Set<String> handlers = ran.getOrDefault(abort.tid(), Set.of());
			for (String below : downstream.get(abort.vms() + "." + abort.handler())) {
				assertThat(handlers).as("handlers that ran for transaction %s, which failed at %s.%s", abort.tid(),
						abort.vms(), abort.handler()).doesNotContain(below);
				checked++;
			}
		}
		assertThat(checked).isPositive();
	}

	/** The VMSs' H2 databases, checkpointed after the run, hold every committed transfer and no aborted one. */
	private static void verifyDatabases(Map<String, DataSource> databases, Set<Long> committed, Set<Long> aborted) {
		Map<String, String> tables = Map.of("accounts", "debits", "ledger", "credits", "audit", "audit_entries");
		tables.forEach((vms, table) -> {
			Set<Long> rows = new HashSet<>(queryLongs(databases.get(vms), "select transferId from " + table));
			assertThat(rows).as("transfers in %s.%s", vms, table).isEqualTo(committed);
			assertThat(rows).as("aborted transfers in %s.%s", vms, table).doesNotContainAnyElementsOf(aborted);
		});
		long h2Money = queryLongs(databases.get("accounts"), "select sum(balance) from accounts").get(0)
				+ queryLongs(databases.get("ledger"), "select sum(balance) from ledger_accounts").get(0);
		assertThat(h2Money).as("money conserved in H2").isEqualTo(TransferScenario.ACCOUNTS * TransferScenario.OPENING_BALANCE);
	}

	private static java.util.List<Long> queryLongs(DataSource database, String sql) {
		try (java.sql.Connection connection = database.getConnection();
				java.sql.ResultSet rows = connection.createStatement().executeQuery(sql)) {
			java.util.List<Long> values = new java.util.ArrayList<>();
			while (rows.next()) {
				values.add(rows.getLong(1));
			}
			return values;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	private static final String DEBIT = "accounts.AccountsService.debit";

	private static final String CREDIT = "ledger.LedgerService.credit";

	private static final String AUDIT_DEBIT = "audit.AuditService.noteDebit";

	private static final String AUDIT_CREDIT = "audit.AuditService.noteCredit";


}
