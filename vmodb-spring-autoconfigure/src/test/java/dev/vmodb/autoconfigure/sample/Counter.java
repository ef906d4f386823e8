package dev.vmodb.autoconfigure.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.PositiveOrZero;

@Entity
@Table(name = "counters")
public class Counter {

	@Id
	private String name;

	@PositiveOrZero
	private long amount;

	protected Counter() {
	}

	public Counter(String name, long value) {
		this.name = name;
		this.amount = value;
	}

	public String getName() {
		return this.name;
	}

	public long getValue() {
		return this.amount;
	}

}
