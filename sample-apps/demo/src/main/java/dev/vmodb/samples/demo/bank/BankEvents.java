package dev.vmodb.samples.demo.bank;

/**
 * The events of the bank VMS.
 */
public final class BankEvents {

	private BankEvents() {
	}

	/** Opens an account with an initial balance. */
	public record OpenAccount(long accountId, String owner, long initialBalance) {
	}

	/** Moves money between two accounts; aborts if the source would go negative. */
	public record Transfer(long from, long to, long amount) {
	}

	/** Adds money to one account. */
	public record Deposit(long accountId, long amount) {
	}

	/** Emitted by a transfer that went through. */
	public record TransferDone(long from, long to, long amount, long fromBalance) {
	}

}
