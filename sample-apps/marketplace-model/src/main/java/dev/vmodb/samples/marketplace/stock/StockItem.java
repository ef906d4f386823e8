package dev.vmodb.samples.marketplace.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A seller's stock of a product. Integrity is declared: available, reserved and their difference
 * ({@code qty_unreserved}, kept by {@link #reserve} and {@link #confirm}) are {@code @PositiveOrZero}, so stock never
 * goes negative and reservations never exceed what is available, whatever a handler does.
 */
@Entity
@IdClass(StockItemId.class)
@Table(name = "stock_items")
public class StockItem {

	@Id
	@Column(name = "seller_id")
	private Long sellerId;

	@Id
	@Column(name = "product_id")
	private Long productId;

	@PositiveOrZero
	@Column(name = "qty_available")
	private int qtyAvailable;

	@PositiveOrZero
	@Column(name = "qty_reserved")
	private int qtyReserved;

	@PositiveOrZero
	@Column(name = "qty_unreserved")
	private int qtyUnreserved;

	@PositiveOrZero
	@Column(name = "order_count")
	private int orderCount;

	@PositiveOrZero
	@Column(name = "ytd")
	private long ytd;

	@Column(name = "data")
	private String data;

	@Positive
	@Column(name = "version")
	private long version;

	@Column(name = "active")
	private boolean active;

	protected StockItem() {
	}

	/** A product's stock as ingested: all of it available, nothing reserved or sold yet. */
	public static StockItem ingested(long sellerId, long productId, int qtyAvailable, long version) {
		StockItem item = new StockItem();
		item.sellerId = sellerId;
		item.productId = productId;
		item.qtyAvailable = qtyAvailable;
		item.qtyUnreserved = qtyAvailable;
		item.version = version;
		item.active = true;
		return item;
	}

	public Long getSellerId() {
		return this.sellerId;
	}

	public Long getProductId() {
		return this.productId;
	}

	public int getQtyAvailable() {
		return this.qtyAvailable;
	}

	public void setQtyAvailable(int qtyAvailable) {
		this.qtyAvailable = qtyAvailable;
	}

	public int getQtyReserved() {
		return this.qtyReserved;
	}

	public void setQtyReserved(int qtyReserved) {
		this.qtyReserved = qtyReserved;
	}

	public int getQtyUnreserved() {
		return this.qtyUnreserved;
	}

	public void setQtyUnreserved(int qtyUnreserved) {
		this.qtyUnreserved = qtyUnreserved;
	}

	public int getOrderCount() {
		return this.orderCount;
	}

	public void setOrderCount(int orderCount) {
		this.orderCount = orderCount;
	}

	public long getYtd() {
		return this.ytd;
	}

	public void setYtd(long ytd) {
		this.ytd = ytd;
	}

	public String getData() {
		return this.data;
	}

	public void setData(String data) {
		this.data = data;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	/**
	 * Reserves a quantity. The check names the reason; the {@code @PositiveOrZero} on {@code qtyUnreserved} is the
	 * declared constraint that would abort the write even without it.
	 * @param quantity what a checkout takes
	 */
	public void reserve(int quantity) {
		this.qtyReserved += quantity;
		this.qtyUnreserved = this.qtyAvailable - this.qtyReserved;
	}

	/**
	 * Turns a reservation into a sale: the quantity leaves both available and reserved.
	 * @param quantity what the paid checkout took
	 */
	public void confirm(int quantity) {
		this.qtyAvailable -= quantity;
		this.qtyReserved -= quantity;
		this.qtyUnreserved = this.qtyAvailable - this.qtyReserved;
		this.orderCount++;
	}

}
