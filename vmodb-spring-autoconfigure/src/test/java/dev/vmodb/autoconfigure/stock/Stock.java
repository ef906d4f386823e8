package dev.vmodb.autoconfigure.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.constraints.PositiveOrZero;

@Entity
public class Stock {

	@Id
	private String item;

	@PositiveOrZero
	private long quantity;

	protected Stock() {
	}

	public Stock(String item, long quantity) {
		this.item = item;
		this.quantity = quantity;
	}

	public String getItem() {
		return this.item;
	}

	public long getQuantity() {
		return this.quantity;
	}

}
