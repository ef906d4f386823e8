package dev.vmodb.jpa.repository.integrity;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A child of {@link Purchase} through a key column, with no declared index on it.
 */
@Entity
@Table(name = "fk_purchase_lines")
public class PurchaseLine {

	@EmbeddedId
	private PurchaseLineId id;

	private int quantity;

	protected PurchaseLine() {
	}

	public PurchaseLine(long purchaseId, int line, int quantity) {
		this.id = new PurchaseLineId(purchaseId, line);
		this.quantity = quantity;
	}

	public PurchaseLineId getId() {
		return this.id;
	}

	public int getQuantity() {
		return this.quantity;
	}

}
