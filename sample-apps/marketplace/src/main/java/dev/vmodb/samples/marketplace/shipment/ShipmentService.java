package dev.vmodb.samples.marketplace.shipment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.CheckoutCompleted;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.PaymentConfirmed;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.ConcludedShipment;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.PackagesDelivered;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.SellerDelivery;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.UpdateDelivery;

/**
 * The shipment VMS: ships a paid order, one package per order line, and ends the checkout; delivers packages.
 */
@VirtualMicroservice("shipment")
public class ShipmentService {

	private final ShipmentRepository shipments;

	private final ShipmentPackageRepository packages;

	public ShipmentService(ShipmentRepository shipments, ShipmentPackageRepository packages) {
		this.shipments = shipments;
		this.packages = packages;
	}

	@Inbound("payment_confirmed")
	@Outbound(value = "checkout_completed", terminal = true)
	public CheckoutCompleted ship(PaymentConfirmed event) {
		Instant now = VmsTransaction.now();
		int packageId = 1;
		for (CheckoutItem line : event.items()) {
			this.packages.insert(ShipmentPackage.shipped(event.customerId(), event.orderId(), packageId++, line, now));
		}
		this.shipments.insert(Shipment.approved(event.customerId(), event.orderId(), event.items(), now));
		return new CheckoutCompleted(event.customerId(), event.orderId(), event.items().size());
	}

	/**
	 * Delivers, seller by seller, that seller's packages of the oldest shipment still holding one of its packages.
	 * Sellers are served in the given order and each sees the deliveries before it, so two sellers of one shipment
	 * may both deliver and conclude it. Emits nothing (downstream skipped) when no listed seller has an open package.
	 */
	@Inbound("update_delivery")
	@Outbound("packages_delivered")
	public PackagesDelivered deliver(UpdateDelivery event) {
		List<SellerDelivery> deliveries = new ArrayList<>();
		List<ConcludedShipment> concluded = new ArrayList<>();
		for (Long sellerId : event.sellerIds().stream().distinct().toList()) {
			ShipmentPackage oldest = this.packages
				.findFirstBySellerIdAndStatusOrderByShippedAtAscCustomerIdAscOrderIdAsc(sellerId,
						ShipmentPackage.SHIPPED)
				.orElse(null);
			if (oldest != null) {
				deliveries.add(deliverSeller(oldest.getCustomerId(), oldest.getOrderId(), sellerId, concluded));
			}
		}
		return deliveries.isEmpty() ? null : new PackagesDelivered(deliveries, concluded);
	}

	private SellerDelivery deliverSeller(long customerId, long orderId, long sellerId, List<ConcludedShipment> concluded) {
		List<ShipmentPackage> open = this.packages.findByCustomerIdAndOrderIdAndSellerIdAndStatus(customerId, orderId,
				sellerId, ShipmentPackage.SHIPPED);
		for (ShipmentPackage delivered : open) {
			delivered.setStatus(ShipmentPackage.DELIVERED);
			this.packages.save(delivered);
		}
		Shipment shipment = this.shipments.findById(new ShipmentId(customerId, orderId)).orElse(null);
		VmsTransaction.abortIf(shipment == null, "no shipment " + customerId + "/" + orderId);
		boolean done = this.packages.countByCustomerIdAndOrderIdAndStatus(customerId, orderId,
				ShipmentPackage.SHIPPED) == 0;
		shipment.setStatus(done ? Shipment.CONCLUDED : Shipment.DELIVERY_IN_PROGRESS);
		this.shipments.save(shipment);
		if (done) {
			concluded.add(new ConcludedShipment(customerId, orderId));
		}
		return new SellerDelivery(customerId, orderId, sellerId, open.size());
	}

}
