package dev.vmodb.samples.marketplace.events;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The delivery's event flow.
 *
 * <p>{@code update_delivery} starts at shipment, which delivers, for each listed seller, that seller's packages of
 * the oldest open shipment holding one, and emits one {@code packages_delivered} record. Order (concluded shipments
 * become DELIVERED orders), seller (the delivered entries leave the dashboard) and customer (delivery counter) all
 * handle that record, so the fan-out runs in the same transaction and commits or aborts with it.
 */
public final class DeliveryEvents {

	private DeliveryEvents() {
	}

	/** Delivers the oldest open shipment of each of up to ten sellers (the benchmark's batch size). */
	public record UpdateDelivery(@NotNull @Size(min = 1, max = 10) List<Long> sellerIds) {
	}

	/** One seller's packages of one order, now delivered. */
	public record SellerDelivery(long customerId, long orderId, long sellerId, int packages) {
	}

	/** A shipment whose last package was delivered: its order is delivered. */
	public record ConcludedShipment(long customerId, long orderId) {
	}

	/**
	 * What one delivery transaction did. One record rather than one event per package because a handler emits one
	 * record; every consumer picks its part.
	 */
	public record PackagesDelivered(List<SellerDelivery> deliveries, List<ConcludedShipment> concluded) {
	}

}
