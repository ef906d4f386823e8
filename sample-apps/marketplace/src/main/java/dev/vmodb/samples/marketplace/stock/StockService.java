package dev.vmodb.samples.marketplace.stock;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.PaymentConfirmed;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.ReserveStock;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.StockConfirmed;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.events.ProductEvents.ProductIngested;
import dev.vmodb.samples.marketplace.events.ProductEvents.ProductUpdated;

/**
 * The stock VMS. It runs twice in a checkout: first it reserves every line (the checkout aborts if one cannot be
 * reserved: the benchmark's {@code ReserveStockFailed}), then, once payment confirmed, it turns the reservations
 * into sales. An abort anywhere in between undoes the reservation, so no release event exists.
 */
@VirtualMicroservice("stock")
public class StockService {

	private final StockItemRepository stock;

	public StockService(StockItemRepository stock) {
		this.stock = stock;
	}

	@Inbound("product_ingested")
	public void ingest(ProductIngested event) {
		this.stock.insert(StockItem.ingested(event.sellerId(), event.productId(), event.qtyAvailable(), event.version()));
	}

	/** Takes the product's new version: carts still holding the old one fail reservation from now on. */
	@Inbound("product_updated")
	public void takeNewVersion(ProductUpdated event) {
		StockItem item = find(event.sellerId(), event.productId());
		item.setVersion(event.version());
		this.stock.save(item);
	}

	@Inbound("reserve_stock")
	@Outbound("stock_confirmed")
	public StockConfirmed reserve(ReserveStock event) {
		for (CheckoutItem line : event.items()) {
			StockItem item = find(line.sellerId(), line.productId());
			String product = line.sellerId() + "/" + line.productId();
			VmsTransaction.abortIf(!item.isActive() || item.getVersion() != line.version(), "product " + product
					+ " version " + line.version() + " was replaced by version " + item.getVersion());
			VmsTransaction.abortIf(item.getQtyReserved() + line.quantity() > item.getQtyAvailable(),
					"insufficient stock of " + product + ": " + line.quantity() + " wanted, "
							+ (item.getQtyAvailable() - item.getQtyReserved()) + " unreserved");
			item.reserve(line.quantity());
			this.stock.save(item);
		}
		return new StockConfirmed(event.customerId(), event.payment(), event.items());
	}

	@Inbound("payment_confirmed")
	public void confirm(PaymentConfirmed event) {
		for (CheckoutItem line : event.items()) {
			StockItem item = find(line.sellerId(), line.productId());
			item.confirm(line.quantity());
			item.setYtd(item.getYtd() + line.quantity());
			this.stock.save(item);
		}
	}

	private StockItem find(long sellerId, long productId) {
		StockItem item = this.stock.findById(new StockItemId(sellerId, productId)).orElse(null);
		VmsTransaction.abortIf(item == null, "no stock item " + sellerId + "/" + productId);
		return item;
	}

}
