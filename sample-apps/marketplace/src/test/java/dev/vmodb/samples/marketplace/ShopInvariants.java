package dev.vmodb.samples.marketplace;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;

import dev.vmodb.samples.marketplace.audit.Audit;
import dev.vmodb.samples.marketplace.audit.AuditReport;
import dev.vmodb.samples.marketplace.audit.RecordingDriver;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.OrderRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.StockRow;
import dev.vmodb.samples.marketplace.order.CustomerOrder;
import dev.vmodb.samples.marketplace.order.CustomerOrderRepository;
import dev.vmodb.samples.marketplace.order.OrderHistoryRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's criteria checked against the services' committed state, with no checkout or delivery in flight:
 * the audit's state criteria over the shop's snapshot ({@code GET /audit/snapshot}, once every VMS has committed the
 * test's last transaction), and what only these tests know or only the order VMS holds.
 */
final class ShopInvariants {

	private final ApplicationContext context;

	private final Shop shop;

	private final int initialStock;

	ShopInvariants(ApplicationContext context, Shop shop, int initialStock) {
		this.context = context;
		this.shop = shop;
		this.initialStock = initialStock;
	}

	/**
	 * @param committedCheckouts how many checkouts committed so far (aborted ones must have left no trace)
	 */
	void check(int committedCheckouts) {
		String base = "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
		ShopSnapshot state = new RecordingDriver(base).snapshot(this.shop.highestTid());
		AuditReport audit = Audit.state(state);
		assertThat(audit.passed()).as(audit.format()).isTrue();
		assertThat(state.orders()).as("one order per committed checkout").hasSize(committedCheckouts);
		for (StockRow stock : state.stock()) {
			// the audit checks that ytd is what the orders hold; all of it came from the loaded stock
			assertThat(stock.qtyAvailable() + stock.ytd()).as("available and sold of %s/%s", stock.sellerId(),
					stock.productId()).isEqualTo(this.initialStock);
		}
		checkOrderService(state);
	}

	/**
	 * What the snapshot does not hold: each order's history (INVOICED, PAYMENT_PROCESSED, and DELIVERED once its
	 * shipment concluded) and each customer's next order id.
	 */
	private void checkOrderService(ShopSnapshot state) {
		OrderHistoryRepository history = this.context.getBean(OrderHistoryRepository.class);
		for (OrderRow order : state.orders()) {
			assertThat(history.findByCustomerIdAndOrderId(order.customerId(), order.orderId()))
				.as("history of order %s/%s", order.customerId(), order.orderId())
				.hasSize(order.status().equals("DELIVERED") ? 3 : 2);
		}
		Map<Long, Long> perCustomer = state.orders()
			.stream()
			.collect(Collectors.groupingBy(OrderRow::customerId, Collectors.counting()));
		for (CustomerOrder counter : this.context.getBean(CustomerOrderRepository.class).findAll()) {
			assertThat(counter.getNextOrderId()).as("next order id of customer %s", counter.getCustomerId())
				.isEqualTo(perCustomer.getOrDefault(counter.getCustomerId(), 0L) + 1);
		}
	}

}
