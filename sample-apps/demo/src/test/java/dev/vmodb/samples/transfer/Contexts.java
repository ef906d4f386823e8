package dev.vmodb.samples.transfer;

import org.springframework.context.ApplicationContext;

import dev.vmodb.samples.demo.accounts.AccountRepository;
import dev.vmodb.samples.demo.accounts.DebitRepository;
import dev.vmodb.samples.demo.audit.AuditEntryRepository;
import dev.vmodb.samples.demo.ledger.CreditRepository;
import dev.vmodb.samples.demo.ledger.LedgerAccountRepository;

/**
 * Finds the transfer VMSs' repositories in the applications hosting them.
 */
final class Contexts {

	private Contexts() {
	}

	/**
	 * Checkpoints every VMS of the applications and returns their databases.
	 * @param contexts the applications
	 * @return each VMS's database, by VMS name
	 */
	static java.util.Map<String, javax.sql.DataSource> checkpointedDatabases(ApplicationContext... contexts) {
		java.util.Map<String, javax.sql.DataSource> databases = new java.util.HashMap<>();
		for (ApplicationContext context : contexts) {
			dev.vmodb.autoconfigure.VmsStorage storage = context.getBean(dev.vmodb.autoconfigure.VmsStorage.class);
			for (dev.vmodb.core.runtime.VmsRuntime runtime : context.getBean(dev.vmodb.autoconfigure.VmsRuntimes.class).all()) {
				runtime.checkpointer().checkpointNow();
				databases.put(runtime.name(), storage.unit(runtime.name()).database());
			}
		}
		return databases;
	}

	static SnapshotAuditor.Repositories repositories(ApplicationContext accounts, ApplicationContext ledgerAndAudit) {
		return new SnapshotAuditor.Repositories(accounts.getBean(AccountRepository.class),
				accounts.getBean(DebitRepository.class), ledgerAndAudit.getBean(LedgerAccountRepository.class),
				ledgerAndAudit.getBean(CreditRepository.class), ledgerAndAudit.getBean(AuditEntryRepository.class));
	}

}
