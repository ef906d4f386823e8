package dev.vmodb.samples.demo.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The receiving side of transfers.
 */
@Entity
@Table(name = "ledger_accounts")
public class LedgerAccount {

	@Id
	private Long id;

	@PositiveOrZero
	private long balance;

	/** A frozen account takes no credits: a transfer to it aborts. */
	private boolean frozen;

	protected LedgerAccount() {
	}

	public LedgerAccount(Long id, long balance) {
		this.id = id;
		this.balance = balance;
	}

	public Long getId() {
		return this.id;
	}

	public long getBalance() {
		return this.balance;
	}

	public void setBalance(long balance) {
		this.balance = balance;
	}

	public boolean isFrozen() {
		return this.frozen;
	}

	public void freeze() {
		this.frozen = true;
	}

}
