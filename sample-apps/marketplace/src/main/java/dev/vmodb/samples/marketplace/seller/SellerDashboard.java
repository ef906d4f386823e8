package dev.vmodb.samples.marketplace.seller;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.vmodb.core.store.ReadScope;

/**
 * The seller dashboard (read only, not a transaction): the aggregate over a seller's open order entries and the
 * entries themselves, from one committed snapshot of the seller VMS.
 */
@Component
public class SellerDashboard {

	private final OrderEntryRepository entries;

	public SellerDashboard(OrderEntryRepository entries) {
		this.entries = entries;
	}

	/**
	 * The dashboard of one seller. The count and the list are two reads, as the benchmark's two queries are; the
	 * snapshot makes them agree (without it a delivery or checkout committing between them would not).
	 */
	public View of(long sellerId) {
		return ReadScope.read(() -> {
			long count = this.entries.countBySellerIdAndDeliveryStatus(sellerId, OrderEntry.OPEN);
			List<OrderEntry> open = this.entries.findBySellerIdAndDeliveryStatus(sellerId, OrderEntry.OPEN);
			return new View(Aggregate.of(sellerId, count, open), open);
		});
	}

	/** The dashboard: the aggregate and the entries it sums. */
	public record View(Aggregate aggregate, List<OrderEntry> entries) {
	}

	/**
	 * The seller's open business: distinct orders, entries (as counted by the store), units, and the money columns
	 * the benchmark lists.
	 */
	public record Aggregate(long sellerId, long orders, long entries, long quantity, BigDecimal totalItems,
			BigDecimal totalAmount, BigDecimal totalFreight, BigDecimal totalIncentive, BigDecimal totalInvoice) {

		static Aggregate of(long sellerId, long entryCount, List<OrderEntry> open) {
			long orders = open.stream().map(e -> e.getCustomerId() + "/" + e.getOrderId()).distinct().count();
			long quantity = open.stream().mapToLong(OrderEntry::getQuantity).sum();
			return new Aggregate(sellerId, orders, entryCount, quantity, sum(open, OrderEntry::getTotalItems),
					sum(open, OrderEntry::getTotalAmount), sum(open, OrderEntry::getFreightValue),
					sum(open, OrderEntry::getTotalIncentive), sum(open, OrderEntry::getTotalInvoice));
		}

		private static BigDecimal sum(List<OrderEntry> open, Function<OrderEntry, BigDecimal> column) {
			return open.stream().map(column).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

}
