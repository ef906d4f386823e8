package dev.vmodb.samples.demo.accounts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A bank account; its balance can never go negative, so an overdraft aborts the transaction.
 */
@Entity
@Table(name = "accounts", indexes = @Index(name = "accounts_by_owner", columnList = "owner"))
public class Account {

	@Id
	private Long id;

	@NotBlank
	private String owner;

	@PositiveOrZero
	private long balance;

	protected Account() {
	}

	public Account(Long id, String owner, long balance) {
		this.id = id;
		this.owner = owner;
		this.balance = balance;
	}

	public Long getId() {
		return this.id;
	}

	public String getOwner() {
		return this.owner;
	}

	public long getBalance() {
		return this.balance;
	}

	public void setBalance(long balance) {
		this.balance = balance;
	}

}
