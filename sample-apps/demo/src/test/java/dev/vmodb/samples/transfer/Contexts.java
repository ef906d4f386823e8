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

	static SnapshotAuditor.Repositories repositories(ApplicationContext accounts, ApplicationContext ledgerAndAudit) {
		return new SnapshotAuditor.Repositories(accounts.getBean(AccountRepository.class),
				accounts.getBean(DebitRepository.class), ledgerAndAudit.getBean(LedgerAccountRepository.class),
				ledgerAndAudit.getBean(CreditRepository.class), ledgerAndAudit.getBean(AuditEntryRepository.class));
	}

}
