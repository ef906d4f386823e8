package dev.vmodb.samples.demo.bank;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.Parallel;
import dev.vmodb.core.api.PartitionBy;
import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.samples.demo.bank.BankEvents.Deposit;
import dev.vmodb.samples.demo.bank.BankEvents.OpenAccount;
import dev.vmodb.samples.demo.bank.BankEvents.Transfer;
import dev.vmodb.samples.demo.bank.BankEvents.TransferDone;

/**
 * The bank VMS: accounts and the handlers that change them.
 */
@VirtualMicroservice("bank")
public class BankService {

	private final AccountRepository accounts;

	public BankService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Inbound(value = "open_account", type = TransactionType.WRITE)
	@Parallel
	public void open(OpenAccount event) {
		this.accounts.insert(new Account(event.accountId(), event.owner(), event.initialBalance()));
	}

	@Inbound("transfer")
	@Outbound("transfer_done")
	public TransferDone transfer(Transfer event) {
		if (event.from() == event.to()) {
			// Repositories hand out copies: two copies of one account would overwrite each other's change.
			throw new IllegalArgumentException("transfer from account " + event.from() + " to itself");
		}
		Account from = this.accounts.findById(event.from()).orElseThrow(() -> new IllegalArgumentException("no account " + event.from()));
		Account to = this.accounts.findById(event.to()).orElseThrow(() -> new IllegalArgumentException("no account " + event.to()));
		from.setBalance(from.getBalance() - event.amount());
		to.setBalance(to.getBalance() + event.amount());
		this.accounts.save(from);
		this.accounts.save(to);
		return new TransferDone(event.from(), event.to(), event.amount(), from.getBalance());
	}

	@Inbound("deposit")
	@PartitionBy("accountId")
	public void deposit(Deposit event) {
		Account account = this.accounts.findById(event.accountId()).orElseThrow();
		account.setBalance(account.getBalance() + event.amount());
		this.accounts.save(account);
	}

}
