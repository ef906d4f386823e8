package dev.vmodb.samples.marketplace.seller;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.InvoiceIssued;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.PackagesDelivered;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.SellerDelivery;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestSeller;

/**
 * The seller VMS: sellers and the order entries their dashboard aggregates.
 */
@VirtualMicroservice("seller")
public class SellerService {

	private final SellerRepository sellers;

	private final OrderEntryRepository entries;

	public SellerService(SellerRepository sellers, OrderEntryRepository entries) {
		this.sellers = sellers;
		this.entries = entries;
	}

	@Inbound("ingest_seller")
	public void ingest(IngestSeller event) {
		this.sellers.insert(new Seller(event.sellerId(), event.name(), event.city()));
	}

	@Inbound("invoice_issued")
	public void recordEntries(InvoiceIssued event) {
		for (CheckoutItem item : event.items()) {
			this.entries.insert(OrderEntry.invoiced(event.customerId(), event.orderId(), item));
		}
	}

	/** The seller's entries of a delivered order leave its dashboard, in the delivery's transaction. */
	@Inbound("packages_delivered")
	public void delivered(PackagesDelivered event) {
		for (SellerDelivery delivery : event.deliveries()) {
			for (OrderEntry entry : this.entries.findByCustomerIdAndOrderId(delivery.customerId(), delivery.orderId())) {
				if (entry.getSellerId() == delivery.sellerId() && OrderEntry.OPEN.equals(entry.getDeliveryStatus())) {
					entry.setDeliveryStatus(OrderEntry.DELIVERED);
					this.entries.save(entry);
				}
			}
		}
	}

}
