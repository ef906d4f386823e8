package dev.vmodb.samples.marketplace.audit;

import org.junit.jupiter.api.Test;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.CustomerRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.OrderRow;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveriesCoherentTests {

	private final SoundRun run = new SoundRun();

	@Test
	void shipmentOrderEntriesAndCountersAgree() {
		CriterionResult result = this.run.audit(Audit.DELIVERIES_COHERENT);

		// 4 shipments, 5 customers
		assertThat(result.checked()).isEqualTo(9);
		assertThat(result.violated()).as(result.examples().toString()).isZero();
		assertThat(Audit.state(this.run.after.snapshot()).criterion(Audit.DELIVERIES_COHERENT).violated()).isZero();
	}

	@Test
	void anOrderDeliveredWhoseShipmentIsNotIsAViolation() {
		this.run.after.orders.replaceAll((order) -> (order.customerId() == 3)
				? new OrderRow(3, order.orderId(), Statuses.ORDER_DELIVERED, order.countItems(), order.totalAmount(),
						order.totalInvoice())
				: order);

		CriterionResult result = Audit.state(this.run.after.snapshot()).criterion(Audit.DELIVERIES_COHERENT);

		assertThat(result.examples()).containsExactly("order 3/1: order DELIVERED with 0 of 1 packages delivered");
	}

	@Test
	void anEntryDeliveredBeforeItsPackageIsAViolation() {
		this.run.after.entries.replaceAll((entry) -> (entry.customerId() == 5)
				? ShopModel.withStatus(entry, Statuses.ENTRY_DELIVERED) : entry);

		CriterionResult result = this.run.audit(Audit.DELIVERIES_COHERENT);

		assertThat(result.examples()).containsExactly("order 5/1: entry 3/3 DELIVERED, its package SHIPPED");
	}

	@Test
	void aDeliveryCounterThatMissedPackagesIsAViolation() {
		CustomerRow customer = this.run.after.customers.get(1L);
		this.run.after.customers.put(1L, new CustomerRow(1, customer.successPaymentCount(), 0, 1));

		assertThat(this.run.audit(Audit.DELIVERIES_COHERENT).examples())
			.containsExactly("customer 1: delivery counter rose by 1, delivered packages 2");
		assertThat(Audit.state(this.run.after.snapshot()).criterion(Audit.DELIVERIES_COHERENT).examples())
			.containsExactly("customer 1: delivery counter at 1, delivered packages 2");
	}

}
