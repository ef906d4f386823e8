package dev.vmodb.samples.demo.accounts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Positive;

/**
 * Money that left an account in a transfer; written with the debit, so balances plus debits never change.
 */
@Entity
@Table(name = "debits")
public class Debit {

	@Id
	private Long transferId;

	private long accountId;

	@Positive
	private long amount;

	protected Debit() {
	}

	public Debit(Long transferId, long accountId, long amount) {
		this.transferId = transferId;
		this.accountId = accountId;
		this.amount = amount;
	}

	public Long getTransferId() {
		return this.transferId;
	}

	public long getAccountId() {
		return this.accountId;
	}

	public long getAmount() {
		return this.amount;
	}

}
