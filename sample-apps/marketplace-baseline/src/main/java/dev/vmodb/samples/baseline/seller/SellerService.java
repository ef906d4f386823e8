package dev.vmodb.samples.baseline.seller;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vmodb.samples.baseline.RequestRejectedException;
import dev.vmodb.samples.baseline.events.CheckoutEvents.InvoiceIssued;
import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentFailed;
import dev.vmodb.samples.baseline.events.DeliveryEvents.PackagesDelivered;
import dev.vmodb.samples.baseline.events.DeliveryEvents.SellerDelivery;
import dev.vmodb.samples.baseline.events.RequestOutcome;
import dev.vmodb.samples.baseline.events.Topics;
import dev.vmodb.samples.baseline.messaging.EventPublisher;
import dev.vmodb.samples.baseline.messaging.ProcessedEvents;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestSeller;
import dev.vmodb.samples.marketplace.seller.OrderEntry;
import dev.vmodb.samples.marketplace.seller.Seller;

/**
 * The seller service: sellers and the order entries their dashboard aggregates.
 */
@Service
public class SellerService {

	static final String NAME = "seller";

	private final SellerRepository sellers;

	private final OrderEntryRepository entries;

	private final ProcessedEvents processed;

	private final EventPublisher publisher;

	public SellerService(SellerRepository sellers, OrderEntryRepository entries, ProcessedEvents processed,
			EventPublisher publisher) {
		this.sellers = sellers;
		this.entries = entries;
		this.processed = processed;
		this.publisher = publisher;
	}

	@Transactional
	public void ingest(IngestSeller event) {
		RequestRejectedException.rejectIf(this.sellers.existsById(event.sellerId()), NAME,
				"seller " + event.sellerId() + " exists");
		this.sellers.insert(new Seller(event.sellerId(), event.name(), event.city()));
	}

	/**
	 * The order's entries join the dashboard, unless its declined payment got here first: the two events travel on
	 * different topics, so a compensation can overtake what it compensates (a race between the two transactions
	 * running at once remains, and the audit counts what it leaves).
	 */
	@KafkaListener(id = "seller.invoice-issued", topics = Topics.INVOICE_ISSUED)
	@Transactional
	public void recordEntries(InvoiceIssued event) {
		if (this.processed.firstDelivery(NAME, Topics.INVOICE_ISSUED, event.requestId())
				&& !this.processed.handled(NAME, Topics.PAYMENT_FAILED, event.requestId())) {
			for (CheckoutItem line : event.items()) {
				this.entries.insert(OrderEntry.invoiced(event.customerId(), event.orderId(), line));
			}
		}
	}

	/** The compensation of a declined payment: the order's entries leave the dashboard. */
	@KafkaListener(id = "seller.payment-failed", topics = Topics.PAYMENT_FAILED)
	@Transactional
	public void dropEntries(PaymentFailed event) {
		if (this.processed.firstDelivery(NAME, Topics.PAYMENT_FAILED, event.requestId())) {
			this.entries.deleteAllInBatch(this.entries.findByCustomerIdAndOrderId(event.customerId(), event.orderId()));
		}
	}

	/** The seller's entries of a delivered order leave its dashboard. */
	@KafkaListener(id = "seller.packages-delivered", topics = Topics.PACKAGES_DELIVERED)
	@Transactional
	public void delivered(PackagesDelivered event) {
		if (this.processed.firstDelivery(NAME, Topics.PACKAGES_DELIVERED, event.requestId())) {
			for (SellerDelivery delivery : event.deliveries()) {
				for (OrderEntry entry : this.entries.findByCustomerIdAndOrderId(delivery.customerId(),
						delivery.orderId())) {
					if (entry.getSellerId() == delivery.sellerId()
							&& OrderEntry.OPEN.equals(entry.getDeliveryStatus())) {
						entry.setDeliveryStatus(OrderEntry.DELIVERED);
					}
				}
			}
			this.publisher.report(RequestOutcome.done(event.requestId()));
		}
	}

}
