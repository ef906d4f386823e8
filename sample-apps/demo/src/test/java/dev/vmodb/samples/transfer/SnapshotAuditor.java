package dev.vmodb.samples.transfer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.vmodb.core.store.ReadScope;
import dev.vmodb.samples.demo.accounts.Account;
import dev.vmodb.samples.demo.accounts.AccountRepository;
import dev.vmodb.samples.demo.accounts.Debit;
import dev.vmodb.samples.demo.accounts.DebitRepository;
import dev.vmodb.samples.demo.audit.AuditEntry;
import dev.vmodb.samples.demo.audit.AuditEntryRepository;
import dev.vmodb.samples.demo.ledger.Credit;
import dev.vmodb.samples.demo.ledger.CreditRepository;
import dev.vmodb.samples.demo.ledger.LedgerAccount;
import dev.vmodb.samples.demo.ledger.LedgerAccountRepository;

/**
 * Reads committed state while transfers run and checks, in every snapshot, what a partial transaction would
 * break: in accounts, balances plus debits equal the money opened; in the ledger, balances equal credits; in the
 * audit, every entry saw both its debit and its credit (two handlers of one transaction).
 */
final class SnapshotAuditor {

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final AtomicLong snapshots = new AtomicLong();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Thread thread;

	SnapshotAuditor(Repositories repositories, long openedMoney) {
		this.thread = new Thread(() -> {
			while (this.running.get()) {
				ReadScope.read(() -> {
					long balances = repositories.accounts().findAll().stream().mapToLong(Account::getBalance).sum();
					long debits = repositories.debits().findAll().stream().mapToLong(Debit::getAmount).sum();
					if (balances + debits != openedMoney) {
						this.violations.add("accounts: balances " + balances + " + debits " + debits + " != " + openedMoney);
					}
					return null;
				});
				ReadScope.read(() -> {
					long balances = repositories.ledger().findAll().stream().mapToLong(LedgerAccount::getBalance).sum();
					long credits = repositories.credits().findAll().stream().mapToLong(Credit::getAmount).sum();
					if (balances != credits) {
						this.violations.add("ledger: balances " + balances + " != credits " + credits);
					}
					return null;
				});
				for (AuditEntry entry : repositories.audit().findAll()) {
					if (entry.getDebited() != entry.getCredited()) {
						this.violations.add("audit: transfer " + entry.getTransferId() + " debited "
								+ entry.getDebited() + " but credited " + entry.getCredited());
					}
				}
				this.snapshots.incrementAndGet();
			}
		}, "snapshot-auditor");
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	/** Stops reading and returns the number of snapshot rounds made. */
	long stop() throws InterruptedException {
		this.running.set(false);
		this.thread.join(10_000);
		return this.snapshots.get();
	}

	List<String> violations() {
		return this.violations;
	}

	/** The repositories of the three VMSs, from whichever applications host them. */
	record Repositories(AccountRepository accounts, DebitRepository debits, LedgerAccountRepository ledger,
			CreditRepository credits, AuditEntryRepository audit) {
	}

}
