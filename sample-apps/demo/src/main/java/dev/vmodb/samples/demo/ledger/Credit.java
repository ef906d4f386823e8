package dev.vmodb.samples.demo.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Positive;

/**
 * Money that reached a ledger account in a transfer; written with the credit.
 */
@Entity
@Table(name = "credits")
public class Credit {

	@Id
	private Long transferId;

	private long ledgerAccountId;

	@Positive
	private long amount;

	protected Credit() {
	}

	public Credit(Long transferId, long ledgerAccountId, long amount) {
		this.transferId = transferId;
		this.ledgerAccountId = ledgerAccountId;
		this.amount = amount;
	}

	public Long getTransferId() {
		return this.transferId;
	}

	public long getLedgerAccountId() {
		return this.ledgerAccountId;
	}

	public long getAmount() {
		return this.amount;
	}

}
