package dev.vmodb.samples.marketplace.shipment;

import java.math.BigDecimal;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.CheckoutCompleted;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.Item;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.PaymentConfirmed;

/**
 * The shipment VMS: ships a paid order, one package per order line, and ends the checkout.
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
		int packageId = 1;
		BigDecimal freight = BigDecimal.ZERO;
		for (Item line : event.items()) {
			this.packages.insert(new ShipmentPackage(event.customerId(), event.orderId(), packageId++, line.sellerId(),
					line.productId(), line.productName(), line.quantity(), line.freightValue(), "SHIPPED"));
			freight = freight.add(line.freightValue());
		}
		this.shipments.insert(new Shipment(event.customerId(), event.orderId(), event.items().size(), freight,
				VmsTransaction.now(), "APPROVED"));
		return new CheckoutCompleted(event.customerId(), event.orderId(), event.items().size());
	}

}
