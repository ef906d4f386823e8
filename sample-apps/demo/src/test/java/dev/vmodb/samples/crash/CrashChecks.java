package dev.vmodb.samples.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.vmodb.samples.crash.CommittedState.AuditRow;
import dev.vmodb.samples.crash.CommittedState.Money;
import dev.vmodb.samples.crash.Submitted.Outcome;
import dev.vmodb.samples.demo.events.TransferEvents.Deposit;
import dev.vmodb.samples.demo.events.TransferEvents.Transfer;

/**
 * What the crash test verifies in the VMSs' committed state against what the driver was told. Each check says what
 * broke and names the transfers (or accounts) concerned, so a failure points at the transactions to look for in
 * the logs.
 */
final class CrashChecks {

	private static final int SHOWN = 20;

	private final List<Submitted> submitted;

	private final CommittedState state;

	private final Map<Long, Submitted> transfers = new HashMap<>();

	private final List<String> problems = new ArrayList<>();

	private CrashChecks(List<Submitted> submitted, CommittedState state) {
		this.submitted = submitted;
		this.state = state;
		submitted.stream().filter(Submitted::isTransfer).forEach(s -> this.transfers.put(s.transfer().transferId(), s));
	}

	/**
	 * Runs every check.
	 * @param submitted what the driver submitted and was told
	 * @param state the committed state
	 * @param lastCommittedBatch the newest batch the driver saw committed
	 * @return what is wrong, empty if nothing
	 */
	static List<String> verify(List<Submitted> submitted, CommittedState state, long lastCommittedBatch) {
		CrashChecks checks = new CrashChecks(submitted, state);
		checks.inDoubt();
		checks.results();
		checks.checkpointsCoverLastCommit(lastCommittedBatch);
		checks.committedTransfersEverywhere();
		checks.nothingPartialOrAborted();
		checks.moneyConserved();
		return checks.problems;
	}

	private void inDoubt() {
		List<Submitted> open = with(Outcome.PENDING);
		if (!open.isEmpty()) {
			this.problems.add(open.size() + " transactions in doubt (their future never completed): " + shown(open));
		}
		List<Submitted> failed = with(Outcome.FAILED);
		if (!failed.isEmpty()) {
			this.problems.add(failed.size() + " futures failed without an abort (the submitter cannot tell what "
					+ "happened): " + shown(failed));
		}
	}

	private void results() {
		List<Submitted> wrong = this.submitted.stream()
			.filter(s -> s.outcome() == Outcome.COMMITTED && s.detail() != null)
			.toList();
		if (!wrong.isEmpty()) {
			this.problems.add(wrong.size() + " committed transfers returned a wrong result: " + shown(wrong));
		}
	}

	private void checkpointsCoverLastCommit(long lastCommittedBatch) {
		this.state.checkpoints().forEach((vms, batch) -> {
			if (batch < lastCommittedBatch) {
				this.problems.add("VMS " + vms + " checkpointed batch " + batch + " but the driver saw batch "
						+ lastCommittedBatch + " commit: its database misses committed batches (see 'drained')");
			}
		});
	}

	private void committedTransfersEverywhere() {
		Map<String, List<Long>> missing = new TreeMap<>();
		Map<String, List<String>> different = new TreeMap<>();
		for (Submitted entry : with(Outcome.COMMITTED)) {
			if (!entry.isTransfer()) {
				continue;
			}
			Transfer transfer = entry.transfer();
			long id = transfer.transferId();
			Money debit = this.state.debits().get(id);
			Money credit = this.state.credits().get(id);
			AuditRow audit = this.state.audit().get(id);
			if (debit == null) {
				missing.computeIfAbsent("accounts.debits", k -> new ArrayList<>()).add(id);
			}
			else if (!debit.equals(new Money(transfer.from(), transfer.amount()))) {
				different.computeIfAbsent("accounts.debits", k -> new ArrayList<>()).add(entry + ": " + debit);
			}
			if (credit == null) {
				missing.computeIfAbsent("ledger.credits", k -> new ArrayList<>()).add(id);
			}
			else if (!credit.equals(new Money(transfer.to(), transfer.amount()))) {
				different.computeIfAbsent("ledger.credits", k -> new ArrayList<>()).add(entry + ": " + credit);
			}
			if (audit == null) {
				missing.computeIfAbsent("audit.audit_entries", k -> new ArrayList<>()).add(id);
			}
			else if (!audit.equals(new AuditRow(transfer.from(), transfer.to(), transfer.amount(), transfer.amount()))) {
				different.computeIfAbsent("audit.audit_entries", k -> new ArrayList<>()).add(entry + ": " + audit);
			}
		}
		missing.forEach((place, ids) -> this.problems.add(ids.size() + " transfers committed to the submitter are "
				+ "missing in " + place + ": " + shownIds(ids)));
		different.forEach((place, rows) -> this.problems.add(rows.size() + " committed transfers have other values "
				+ "in " + place + ": " + rows.stream().limit(SHOWN).toList()));
	}

	/**
	 * Every transfer the state holds anywhere: in all three VMSs or none, and never an aborted or unknown one. (Those
	 * in doubt may be there, everywhere: their batch committed, but the submitter was never told.)
	 */
	private void nothingPartialOrAborted() {
		Set<Long> present = new TreeSet<>(this.state.debits().keySet());
		present.addAll(this.state.credits().keySet());
		present.addAll(this.state.audit().keySet());
		List<String> partial = new ArrayList<>();
		List<String> aborted = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		for (long id : present) {
			String where = where(id);
			Submitted entry = this.transfers.get(id);
			if (entry == null) {
				unknown.add(id);
			}
			else if (entry.outcome() == Outcome.ABORTED || entry.outcome() == Outcome.REFUSED) {
				aborted.add(entry + " in " + where);
			}
			else if (entry.outcome() != Outcome.COMMITTED && !where.equals("accounts, ledger, audit")) {
				// committed ones missing somewhere are listed as missing there
				partial.add(entry + " only in " + where);
			}
		}
		if (!partial.isEmpty()) {
			this.problems.add(partial.size() + " transfers not committed to the submitter are partially applied: " + partial.stream().limit(SHOWN).toList());
		}
		if (!aborted.isEmpty()) {
			this.problems.add(aborted.size() + " aborted (or refused at submit) transfers left traces: " + aborted.stream().limit(SHOWN).toList());
		}
		if (!unknown.isEmpty()) {
			this.problems.add(unknown.size() + " transfers in the state were never submitted: " + shownIds(unknown));
		}
	}

	private String where(long id) {
		List<String> places = new ArrayList<>();
		if (this.state.debits().containsKey(id)) {
			places.add("accounts");
		}
		if (this.state.credits().containsKey(id)) {
			places.add("ledger");
		}
		if (this.state.audit().containsKey(id)) {
			places.add("audit");
		}
		return String.join(", ", places);
	}

	/**
	 * Per account: opening balance plus committed deposits minus committed transfers out; per ledger account: the
	 * committed transfers in; and, inside each VMS, balances agree with its own debits and credits.
	 */
	private void moneyConserved() {
		Map<Long, Long> expectedAccounts = new HashMap<>();
		Map<Long, Long> expectedLedger = new HashMap<>();
		long deposited = 0;
		for (long id = 1; id <= CrashWorkload.ACCOUNTS; id++) {
			expectedAccounts.put(id, CrashWorkload.OPENING_BALANCE);
		}
		for (Submitted entry : with(Outcome.COMMITTED)) {
			if (entry.isTransfer()) {
				Transfer transfer = entry.transfer();
				expectedAccounts.merge(transfer.from(), -transfer.amount(), Long::sum);
				expectedLedger.merge(transfer.to(), transfer.amount(), Long::sum);
			}
			else {
				Deposit deposit = entry.deposit();
				expectedAccounts.merge(deposit.accountId(), deposit.amount(), Long::sum);
				deposited += deposit.amount();
			}
		}
		String unknownOutcomes = (with(Outcome.PENDING).size() + with(Outcome.FAILED).size() > 0)
				? " (transactions with no definite outcome may explain it)" : "";
		List<String> accounts = differences(expectedAccounts, this.state.accounts());
		if (!accounts.isEmpty()) {
			this.problems.add(accounts.size() + " account balances differ from opening + committed deposits - "
					+ "committed transfers" + unknownOutcomes + ": " + accounts.stream().limit(SHOWN).toList());
		}
		Map<Long, Long> ledgerFromDriver = new HashMap<>(expectedLedger);
		this.state.ledgerAccounts().keySet().forEach(id -> ledgerFromDriver.putIfAbsent(id, 0L));
		List<String> ledger = differences(ledgerFromDriver, this.state.ledgerAccounts());
		if (!ledger.isEmpty()) {
			this.problems.add(ledger.size() + " ledger balances differ from the committed transfers to them"
					+ unknownOutcomes + ": " + ledger.stream().limit(SHOWN).toList());
		}
		Map<Long, Long> creditsPerAccount = this.state.credits().values().stream()
			.collect(Collectors.groupingBy(Money::account, Collectors.summingLong(Money::amount)));
		this.state.ledgerAccounts().keySet().forEach(id -> creditsPerAccount.putIfAbsent(id, 0L));
		List<String> ledgerInside = differences(creditsPerAccount, this.state.ledgerAccounts());
		if (!ledgerInside.isEmpty()) {
			this.problems.add("inside ledger, " + ledgerInside.size() + " balances differ from the sum of their "
					+ "credits: " + ledgerInside.stream().limit(SHOWN).toList());
		}
		long total = this.state.accounts().values().stream().mapToLong(Long::longValue).sum()
				+ this.state.ledgerAccounts().values().stream().mapToLong(Long::longValue).sum();
		long expected = CrashWorkload.ACCOUNTS * CrashWorkload.OPENING_BALANCE + deposited;
		if (total != expected) {
			this.problems.add("money not conserved: accounts + ledger hold " + total + ", expected " + expected
					+ " (opened + committed deposits)" + unknownOutcomes);
		}
	}

	private static List<String> differences(Map<Long, Long> expected, Map<Long, Long> actual) {
		List<String> differences = new ArrayList<>();
		new TreeMap<>(expected).forEach((id, value) -> {
			Long found = actual.get(id);
			if (found == null || found.longValue() != value) {
				differences.add("#" + id + " expected " + value + " found " + found);
			}
		});
		actual.keySet().stream().filter(id -> !expected.containsKey(id)).sorted()
			.forEach(id -> differences.add("#" + id + " unexpected, holding " + actual.get(id)));
		return differences;
	}

	private List<Submitted> with(Outcome outcome) {
		return this.submitted.stream().filter(s -> s.outcome() == outcome).toList();
	}

	private static String shown(List<Submitted> entries) {
		return entries.stream().limit(SHOWN).map(Submitted::toString).collect(Collectors.joining("; "))
				+ ((entries.size() > SHOWN) ? "; ..." : "");
	}

	private static String shownIds(List<Long> ids) {
		return ids.stream().limit(SHOWN).toList() + ((ids.size() > SHOWN) ? " ..." : "");
	}

}
