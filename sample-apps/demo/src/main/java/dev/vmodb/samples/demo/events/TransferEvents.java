package dev.vmodb.samples.demo.events;

/**
 * The events of the transfer transaction, shared by the VMSs that exchange them.
 *
 * <p>{@code transfer} starts at {@code accounts}, which debits the source and emits {@code debited}; that event fans
 * out to {@code ledger} (credit the target, emit {@code credited}) and {@code audit}; {@code audit} joins both
 * branches and emits the terminal {@code transfer_audited}.
 */
public final class TransferEvents {

	private TransferEvents() {
	}

	/** Opens an account with an initial balance. */
	public record OpenAccount(long accountId, String owner, long initialBalance) {
	}

	/** Adds money to one account. */
	public record Deposit(long accountId, long amount) {
	}

	/**
	 * Moves money from an account to a ledger account. Aborts, everywhere, if the source would go negative
	 * (accounts), if the target is frozen (ledger), if the amount is over the audit's single-transfer limit (audit,
	 * on the debit branch) or if it moves money to its owner's own ledger account, same id (audit, at the join).
	 */
	public record Transfer(long transferId, long from, long to, long amount) {
	}

	/** Freezes a ledger account: transfers to it abort in the ledger, after the source was debited. */
	public record FreezeLedgerAccount(long accountId) {
	}

	/** The source account was debited. */
	public record Debited(long transferId, long from, long to, long amount) {
	}

	/** The ledger account was credited. */
	public record Credited(long transferId, long to, long amount, long balance) {
	}

	/** The transfer's result: both sides seen by the audit. */
	public record TransferAudited(long transferId, long amount, long ledgerBalance) {
	}

}
