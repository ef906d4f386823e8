package dev.vmodb.samples.baseline.seller;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vmodb.samples.marketplace.seller.OrderEntry;

/**
 * The seller dashboard (read only): the count of a seller's open order entries and the entries themselves, as the
 * benchmark's two queries. They run in one read-only transaction at H2's default READ COMMITTED isolation, so a
 * checkout or delivery committing between them makes the count and the list disagree: the baseline's dashboard is not
 * a snapshot.
 */
@Component
public class SellerDashboard {

	private final OrderEntryRepository entries;

	public SellerDashboard(OrderEntryRepository entries) {
		this.entries = entries;
	}

	@Transactional(readOnly = true)
	public View of(long sellerId) {
		long count = this.entries.countBySellerIdAndDeliveryStatus(sellerId, OrderEntry.OPEN);
		List<OrderEntry> open = this.entries.findBySellerIdAndDeliveryStatus(sellerId, OrderEntry.OPEN);
		return new View(Aggregate.of(sellerId, count, open), open);
	}

	/** The dashboard: the aggregate and the entries it sums. */
	public record View(Aggregate aggregate, List<OrderEntry> entries) {
	}

	/** The seller's open business, as the vMODB shop reports it. */
	public record Aggregate(long sellerId, long orders, long entries, long quantity, BigDecimal totalItems,
			BigDecimal totalAmount, BigDecimal totalFreight, BigDecimal totalIncentive, BigDecimal totalInvoice) {

		static Aggregate of(long sellerId, long entryCount, List<OrderEntry> open) {
			long orders = open.stream().map((e) -> e.getCustomerId() + "/" + e.getOrderId()).distinct().count();
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
