package dev.vmodb.samples.demo.ledger;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.samples.demo.events.TransferEvents.Credited;
import dev.vmodb.samples.demo.events.TransferEvents.Debited;

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

	@Inbound("debited")
	@Outbound("credited")
	public Credited credit(Debited event) {
		LedgerAccount account = this.accounts.findById(event.to()).orElseGet(() -> new LedgerAccount(event.to(), 0));
		account.setBalance(account.getBalance() + event.amount());
		this.accounts.save(account);
		this.credits.insert(new Credit(event.transferId(), event.to(), event.amount()));
		return new Credited(event.transferId(), event.to(), event.amount(), account.getBalance());
	}

}
