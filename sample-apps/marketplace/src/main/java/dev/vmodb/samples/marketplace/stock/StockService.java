package dev.vmodb.samples.marketplace.stock;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.ReserveStock;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.StockConfirmed;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.events.ProductEvents.ProductIngested;
import dev.vmodb.samples.marketplace.events.ProductEvents.ProductUpdated;

/**
 * The stock VMS. A checkout reserves and sells every line in one step: it aborts if a line cannot be reserved (the
 * benchmark's {@code ReserveStockFailed}), and a declined payment further on aborts the whole checkout, sale included,
 * so neither a confirmation after payment nor a release event is needed. Running once per checkout, stock goes
 * through a batch's checkouts without waiting for each one's payment: a second step after payment would make it
 * wait, checkout by checkout, for the event to come back from order and payment through the log.
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

	/**
	 * Reserves every line and turns the reservation into a sale at once: the state after the checkout is what a
	 * reservation now and a confirmation after payment would leave, and no other transaction runs at stock in
	 * between either way (stock runs its steps in TID order).
	 */
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
			item.confirm(line.quantity());
			item.setYtd(item.getYtd() + line.quantity());
			this.stock.save(item);
		}
		return new StockConfirmed(event.customerId(), event.payment(), event.items());
	}

	private StockItem find(long sellerId, long productId) {
		StockItem item = this.stock.findById(new StockItemId(sellerId, productId)).orElse(null);
		VmsTransaction.abortIf(item == null, "no stock item " + sellerId + "/" + productId);
		return item;
	}

}
