package dev.vmodb.samples.baseline.shipment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vmodb.samples.baseline.events.CheckoutEvents.CheckoutCompleted;
import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentConfirmed;
import dev.vmodb.samples.baseline.events.DeliveryEvents.ConcludedShipment;
import dev.vmodb.samples.baseline.events.DeliveryEvents.PackagesDelivered;
import dev.vmodb.samples.baseline.events.DeliveryEvents.SellerDelivery;
import dev.vmodb.samples.baseline.events.RequestOutcome;
import dev.vmodb.samples.baseline.events.Topics;
import dev.vmodb.samples.baseline.messaging.EventPublisher;
import dev.vmodb.samples.baseline.messaging.ProcessedEvents;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.shipment.Shipment;
import dev.vmodb.samples.marketplace.shipment.ShipmentPackage;

/**
 * The shipment service: ships a paid order, one package per order line, which completes the checkout; delivers
 * packages.
 */
@Service
public class ShipmentService {

	static final String NAME = "shipment";

	private final ShipmentRepository shipments;

	private final ShipmentPackageRepository packages;

	private final ProcessedEvents processed;

	private final EventPublisher publisher;

	public ShipmentService(ShipmentRepository shipments, ShipmentPackageRepository packages,
			ProcessedEvents processed, EventPublisher publisher) {
		this.shipments = shipments;
		this.packages = packages;
		this.processed = processed;
		this.publisher = publisher;
	}

	@KafkaListener(id = "shipment.payment-confirmed", topics = Topics.PAYMENT_CONFIRMED)
	@Transactional
	public void ship(PaymentConfirmed event) {
		if (!this.processed.firstDelivery(NAME, Topics.PAYMENT_CONFIRMED, event.requestId())) {
			return;
		}
		Instant now = Instant.now();
		int packageId = 1;
		for (CheckoutItem line : event.items()) {
			this.packages.insert(ShipmentPackage.shipped(event.customerId(), event.orderId(), packageId++, line, now));
		}
		this.shipments.insert(Shipment.approved(event.customerId(), event.orderId(), event.items(), now));
		this.publisher.report(RequestOutcome.done(event.requestId(), "checkout_completed",
				new CheckoutCompleted(event.customerId(), event.orderId(), event.items().size())));
	}

	/**
	 * Delivers, seller by seller, that seller's packages of the oldest shipment still holding one, and publishes what
	 * it delivered (order, seller and customer follow).
	 * @return whether anything was delivered (nothing is published otherwise)
	 */
	@Transactional
	public boolean deliver(String requestId, List<Long> sellerIds) {
		List<SellerDelivery> deliveries = new ArrayList<>();
		List<ConcludedShipment> concluded = new ArrayList<>();
		for (Long sellerId : sellerIds.stream().distinct().toList()) {
			SellerDelivery delivery = deliverOldest(sellerId, concluded);
			if (delivery != null) {
				deliveries.add(delivery);
			}
		}
		if (deliveries.isEmpty()) {
			return false;
		}
		this.publisher.publish(Topics.PACKAGES_DELIVERED, requestId,
				new PackagesDelivered(requestId, deliveries, concluded));
		return true;
	}

	private SellerDelivery deliverOldest(long sellerId, List<ConcludedShipment> concluded) {
		while (true) {
			ShipmentPackage oldest = this.packages
				.findFirstBySellerIdAndStatusOrderByShippedAtAscCustomerIdAscOrderIdAsc(sellerId,
						ShipmentPackage.SHIPPED)
				.orElse(null);
			if (oldest == null) {
				return null;
			}
			long customerId = oldest.getCustomerId();
			long orderId = oldest.getOrderId();
			// the shipment's lock serialises concurrent deliveries of it; what was open before the lock is read again
			Shipment shipment = this.shipments.findLockedByCustomerIdAndOrderId(customerId, orderId).orElseThrow();
			List<ShipmentPackage> open = this.packages.findByCustomerIdAndOrderIdAndSellerIdAndStatus(customerId,
					orderId, sellerId, ShipmentPackage.SHIPPED);
			if (open.isEmpty()) {
				continue;
			}
			for (ShipmentPackage delivered : open) {
				delivered.setStatus(ShipmentPackage.DELIVERED);
			}
			this.packages.flush();
			boolean done = this.packages.countByCustomerIdAndOrderIdAndStatus(customerId, orderId,
					ShipmentPackage.SHIPPED) == 0;
			shipment.setStatus(done ? Shipment.CONCLUDED : Shipment.DELIVERY_IN_PROGRESS);
			if (done) {
				concluded.add(new ConcludedShipment(customerId, orderId));
			}
			return new SellerDelivery(customerId, orderId, sellerId, open.size());
		}
	}

}
