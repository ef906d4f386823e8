package dev.vmodb.samples.baseline.stock;

import java.util.ArrayList;
import java.util.List;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentConfirmed;
import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentFailed;
import dev.vmodb.samples.baseline.events.CheckoutEvents.ReserveStock;
import dev.vmodb.samples.baseline.events.CheckoutEvents.ReserveStockFailed;
import dev.vmodb.samples.baseline.events.CheckoutEvents.StockConfirmed;
import dev.vmodb.samples.baseline.events.ProductEvents.ProductIngested;
import dev.vmodb.samples.baseline.events.ProductEvents.ProductUpdated;
import dev.vmodb.samples.baseline.events.RequestOutcome;
import dev.vmodb.samples.baseline.events.Topics;
import dev.vmodb.samples.baseline.messaging.EventPublisher;
import dev.vmodb.samples.baseline.messaging.ProcessedEvents;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.stock.StockItem;

/**
 * The stock service. A checkout's lines are reserved all or none (items locked in key order, so two checkouts never
 * deadlock); a confirmed payment turns the reservation into a sale, a failed one releases it.
 */
@Service
public class StockService {

	static final String NAME = "stock";

	private final StockItemRepository stock;

	private final ProcessedEvents processed;

	private final EventPublisher publisher;

	public StockService(StockItemRepository stock, ProcessedEvents processed, EventPublisher publisher) {
		this.stock = stock;
		this.processed = processed;
		this.publisher = publisher;
	}

	@KafkaListener(id = "stock.product-ingested", topics = Topics.PRODUCT_INGESTED)
	@Transactional
	public void ingest(ProductIngested event) {
		if (this.processed.firstDelivery(NAME, Topics.PRODUCT_INGESTED, event.requestId())) {
			this.stock.insert(StockItem.ingested(event.sellerId(), event.productId(), event.qtyAvailable(),
					event.version()));
			this.publisher.report(RequestOutcome.done(event.requestId()));
		}
	}

	/** Takes the product's new version: carts still holding the old one fail reservation from now on. */
	@KafkaListener(id = "stock.product-updated", topics = Topics.PRODUCT_UPDATED)
	@Transactional
	public void takeNewVersion(ProductUpdated event) {
		if (this.processed.firstDelivery(NAME, Topics.PRODUCT_UPDATED, event.requestId())) {
			this.stock.findLockedBySellerIdAndProductId(event.sellerId(), event.productId())
				.ifPresent((item) -> item.setVersion(event.version()));
			this.publisher.report(RequestOutcome.done(event.requestId()));
		}
	}

	@KafkaListener(id = "stock.reserve-stock", topics = Topics.RESERVE_STOCK)
	@Transactional
	public void reserve(ReserveStock event) {
		if (!this.processed.firstDelivery(NAME, Topics.RESERVE_STOCK, event.requestId())) {
			return;
		}
		List<StockItem> locked = new ArrayList<>();
		for (CheckoutItem line : event.items()) {
			String product = line.sellerId() + "/" + line.productId();
			StockItem item = this.stock.findLockedBySellerIdAndProductId(line.sellerId(), line.productId()).orElse(null);
			String failure = (item == null) ? "no stock item " + product
					: (!item.isActive() || item.getVersion() != line.version())
							? "product " + product + " version " + line.version() + " was replaced by version "
									+ item.getVersion()
							: (item.getQtyReserved() + line.quantity() > item.getQtyAvailable())
									? "insufficient stock of " + product + ": " + line.quantity() + " wanted, "
											+ (item.getQtyAvailable() - item.getQtyReserved()) + " unreserved"
									: null;
			if (failure != null) {
				// nothing reserved yet: the reservations happen once every line passed
				this.publisher.publish(Topics.RESERVE_STOCK_FAILED, event.customerId(),
						new ReserveStockFailed(event.requestId(), event.customerId(), event.items(), failure));
				return;
			}
			locked.add(item);
		}
		for (int i = 0; i < locked.size(); i++) {
			locked.get(i).reserve(event.items().get(i).quantity());
		}
		this.publisher.publish(Topics.STOCK_CONFIRMED, event.customerId(),
				new StockConfirmed(event.requestId(), event.customerId(), event.payment(), event.items()));
	}

	@KafkaListener(id = "stock.payment-confirmed", topics = Topics.PAYMENT_CONFIRMED)
	@Transactional
	public void sell(PaymentConfirmed event) {
		if (this.processed.firstDelivery(NAME, Topics.PAYMENT_CONFIRMED, event.requestId())) {
			for (CheckoutItem line : event.items()) {
				this.stock.findLockedBySellerIdAndProductId(line.sellerId(), line.productId()).ifPresent((item) -> {
					item.confirm(line.quantity());
					item.setYtd(item.getYtd() + line.quantity());
				});
			}
		}
	}

	/** The compensation of a declined payment. */
	@KafkaListener(id = "stock.payment-failed", topics = Topics.PAYMENT_FAILED)
	@Transactional
	public void release(PaymentFailed event) {
		if (this.processed.firstDelivery(NAME, Topics.PAYMENT_FAILED, event.requestId())) {
			for (CheckoutItem line : event.items()) {
				this.stock.findLockedBySellerIdAndProductId(line.sellerId(), line.productId())
					.ifPresent((item) -> item.reserve(-line.quantity()));
			}
		}
	}

}
