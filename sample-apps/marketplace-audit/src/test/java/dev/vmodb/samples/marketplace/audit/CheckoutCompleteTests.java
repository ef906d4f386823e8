package dev.vmodb.samples.marketplace.audit;

import org.junit.jupiter.api.Test;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.CustomerRow;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutCompleteTests {

	private final SoundRun run = new SoundRun();

	@Test
	void everyCommittedCheckoutIsWhole() {
		CriterionResult result = this.run.audit(Audit.CHECKOUT_COMPLETE);

		// 4 new orders, 4 committed checkouts, 5 customers
		assertThat(result.checked()).isEqualTo(13);
		assertThat(result.violated()).as(result.examples().toString()).isZero();
		CriterionResult state = Audit.state(this.run.after.snapshot()).criterion(Audit.CHECKOUT_COMPLETE);
		assertThat(state.checked()).isEqualTo(4 + 5);
		assertThat(state.violated()).isZero();
	}

	@Test
	void aLostPaymentOrPackageBreaksTheOrder() {
		this.run.after.payments.removeIf((payment) -> payment.customerId() == 3);
		this.run.after.packages.removeIf((row) -> row.customerId() == 1 && row.packageId() == 2);

		CriterionResult result = this.run.audit(Audit.CHECKOUT_COMPLETE);

		assertThat(result.violated()).isEqualTo(2);
		assertThat(result.examples()).containsExactlyInAnyOrder(
				"order 3/1: 0 payments",
				"order 1/1: packages [2x 1/1] are not its items [2x 1/1, 1x 2/2]");
		assertThat(Audit.state(this.run.after.snapshot()).criterion(Audit.CHECKOUT_COMPLETE).violated()).isEqualTo(2);
	}

	@Test
	void theOrderMustHoldTheCartTheDriverCheckedOut() {
		this.run.journal.checkouts.replaceAll((checkout) -> (checkout.customerId() == 5)
				? new CheckoutRecord(5, checkout.at(), Outcome.COMMITTED, 1,
						java.util.List.of(this.run.journal.line(3, 3, 2)))
				: checkout);

		CriterionResult result = this.run.audit(Audit.CHECKOUT_COMPLETE);

		assertThat(result.violated()).isEqualTo(1);
		assertThat(result.examples()).singleElement()
			.isEqualTo("committed checkout of customer 5 (order 5/1): items [1x 3/3] but the cart held [2x 3/3]");
	}

	@Test
	void aCommittedCheckoutWithoutItsOrderIsAViolation() {
		this.run.journal.checkout(2, Outcome.COMMITTED, 7, this.run.journal.line(1, 1, 1));

		CriterionResult result = this.run.audit(Audit.CHECKOUT_COMPLETE);

		// the missing order, and customer 2's payment counter that did not rise for it
		assertThat(result.violated()).isEqualTo(2);
		assertThat(result.examples()).containsExactlyInAnyOrder(
				"committed checkout of customer 2 (order 2/7): no such order",
				"customer 2: successful payments rose by 0, expected 1");
	}

	@Test
	void aPaymentCounterThatDidNotMoveIsAViolation() {
		CustomerRow customer = this.run.after.customers.get(4L);
		this.run.after.customers.put(4L, new CustomerRow(4, customer.successPaymentCount() - 1, 0,
				customer.deliveryCount()));

		CriterionResult result = this.run.audit(Audit.CHECKOUT_COMPLETE);

		assertThat(result.violated()).isEqualTo(1);
		assertThat(result.examples()).singleElement().isEqualTo("customer 4: successful payments rose by 0, expected 1");
		assertThat(Audit.state(this.run.after.snapshot()).criterion(Audit.CHECKOUT_COMPLETE).examples())
			.containsExactly("customer 4: successful payments 0, expected 1");
	}

}
