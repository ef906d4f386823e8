package dev.vmodb.samples.demo.ledger;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.PartitionBy;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.demo.events.TransferEvents.Credited;
import dev.vmodb.samples.demo.events.TransferEvents.Debited;
import dev.vmodb.samples.demo.events.TransferEvents.FreezeLedgerAccount;

/**
 * The ledger VMS: credits the target of a debited transfer.
 */
@VirtualMicroservice("ledger")
public class LedgerService {

	private final LedgerAccountRepository accounts;

	private final CreditRepository credits;

	public LedgerService(LedgerAccountRepository accounts, CreditRepository credits) {
		this.accounts = accounts;
		this.credits = credits;
	}

	@Inbound("freeze_ledger_account")
	@PartitionBy("accountId")
	public void freeze(FreezeLedgerAccount event) {
		LedgerAccount account = this.accounts.findById(event.accountId())
			.orElseGet(() -> new LedgerAccount(event.accountId(), 0));
		account.freeze();
		this.accounts.save(account);
	}

	@Inbound("debited")
	@Outbound("credited")
	public Credited credit(Debited event) {
		LedgerAccount account = this.accounts.findById(event.to()).orElseGet(() -> new LedgerAccount(event.to(), 0));
		if (account.isFrozen()) {
			// the source account is debited already, in another VMS: the abort undoes that too
			VmsTransaction.abort("ledger account " + event.to() + " is frozen");
		}
		account.setBalance(account.getBalance() + event.amount());
		this.accounts.save(account);
		this.credits.insert(new Credit(event.transferId(), event.to(), event.amount()));
		return new Credited(event.transferId(), event.to(), event.amount(), account.getBalance());
	}

}
