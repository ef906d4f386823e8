package dev.vmodb.jpa.repository.sample;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A seller's stock of a product, keyed by an {@code @EmbeddedId}, with an index on the id's second part.
 */
@Entity
@Table(name = "stock_items", indexes = @Index(name = "stock_items_product_idx", columnList = "product_id"))
public class StockItem {

	@EmbeddedId
	private StockId id;

	@PositiveOrZero
	@Column(name = "qty_available")
	private int qtyAvailable;

	@Column(name = "product_name")
	private String productName;

	protected StockItem() {
	}

	public StockItem(StockId id, int qtyAvailable, String productName) {
		this.id = id;
		this.qtyAvailable = qtyAvailable;
		this.productName = productName;
	}

	public StockId getId() {
		return this.id;
	}

	public int getQtyAvailable() {
		return this.qtyAvailable;
	}

	public String getProductName() {
		return this.productName;
	}

}
