package dev.vmodb.samples.baseline.events;

import java.util.List;

/**
 * The delivery's event: shipment delivered packages; order, seller and customer follow.
 */
public final class DeliveryEvents {

	private DeliveryEvents() {
	}

	/** One seller's packages of one order, now delivered. */
	public record SellerDelivery(long customerId, long orderId, long sellerId, int packages) {
	}

	/** A shipment whose last package was delivered: its order is delivered. */
	public record ConcludedShipment(long customerId, long orderId) {
	}

	/** What one delivery did (the benchmark's shipment and delivery notifications in one record). */
	public record PackagesDelivered(String requestId, List<SellerDelivery> deliveries,
			List<ConcludedShipment> concluded) {
	}

}
