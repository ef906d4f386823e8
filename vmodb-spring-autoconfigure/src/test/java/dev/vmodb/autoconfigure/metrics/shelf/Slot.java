package dev.vmodb.autoconfigure.metrics.shelf;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Slot {

	@Id
	private Long id;

	private long amount;

	protected Slot() {
	}

	public Slot(Long id, long amount) {
		this.id = id;
		this.amount = amount;
	}

	public Long getId() {
		return this.id;
	}

	public long getAmount() {
		return this.amount;
	}

}
