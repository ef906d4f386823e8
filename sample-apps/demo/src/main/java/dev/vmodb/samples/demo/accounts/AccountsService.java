package dev.vmodb.samples.demo.accounts;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.Parallel;
import dev.vmodb.core.api.PartitionBy;
import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.samples.demo.events.TransferEvents.Debited;
import dev.vmodb.samples.demo.events.TransferEvents.Deposit;
import dev.vmodb.samples.demo.events.TransferEvents.OpenAccount;
import dev.vmodb.samples.demo.events.TransferEvents.Transfer;

/**
 * The accounts VMS: where transfers start, by debiting the source account.
 */
@VirtualMicroservice("accounts")
public class AccountsService {

	private final AccountRepository accounts;

	private final DebitRepository debits;

	public AccountsService(AccountRepository accounts, DebitRepository debits) {
		this.accounts = accounts;
		this.debits = debits;
	}

	@Inbound(value = "open_account", type = TransactionType.WRITE)
	@Parallel
	public void open(OpenAccount event) {
		this.accounts.insert(new Account(event.accountId(), event.owner(), event.initialBalance()));
	}

	@Inbound("deposit")
	@PartitionBy("accountId")
	public void deposit(Deposit event) {
		Account account = this.accounts.findById(event.accountId())
			.orElseThrow(() -> new IllegalArgumentException("no account " + event.accountId()));
		account.setBalance(account.getBalance() + event.amount());
		this.accounts.save(account);
	}

	@Inbound("transfer")
	@Outbound("debited")
	public Debited debit(Transfer event) {
		Account from = this.accounts.findById(event.from())
			.orElseThrow(() -> new IllegalArgumentException("no account " + event.from()));
		// a negative balance violates @PositiveOrZero, which aborts the whole transfer
		from.setBalance(from.getBalance() - event.amount());
		this.accounts.save(from);
		this.debits.insert(new Debit(event.transferId(), event.from(), event.amount()));
		return new Debited(event.transferId(), event.from(), event.to(), event.amount());
	}

}
