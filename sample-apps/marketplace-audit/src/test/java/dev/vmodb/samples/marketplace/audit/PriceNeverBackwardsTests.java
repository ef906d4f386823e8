package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.CartLine;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.OrderItemRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.ReplicaRow;

import static org.assertj.core.api.Assertions.assertThat;

class PriceNeverBackwardsTests {

	private final SoundRun run = new SoundRun();

	@Test
	void pricesFollowTheirChangesAndReplicasConverge() {
		CriterionResult result = this.run.audit(Audit.PRICE_NEVER_BACKWARDS);

		// 9 products, 5 lines of committed checkouts
		assertThat(result.checked()).isEqualTo(14);
		assertThat(result.violated()).as(result.examples().toString()).isZero();
		assertThat(Audit.state(this.run.after.snapshot()).criterion(Audit.PRICE_NEVER_BACKWARDS).violated()).isZero();
	}

	@Test
	void aReplicaThatWentBackIsAViolationAtRest() {
		this.run.after.replicas.put(SoundRun.REPRICED, new ReplicaRow(1, 3, new BigDecimal("13"), 1));

		CriterionResult result = Audit.state(this.run.after.snapshot()).criterion(Audit.PRICE_NEVER_BACKWARDS);

		assertThat(result.violated()).isEqualTo(1);
		assertThat(result.examples())
			.containsExactly("product 1/3 at 20 (version 1): the cart's replica is at 13 (version 1)");
	}

	@Test
	void aSaleBelowAnAnsweredPriceChangeIsAViolation() {
		// customer 5 buys 1/3 after the change to 20 was answered, but at the old 13
		CartLine line = this.run.journal.line(1, 3, 1);
		ShopModel stale = this.run.after;
		stale.replicas.put(SoundRun.REPRICED, new ReplicaRow(1, 3, new BigDecimal("13.00"), 1));
		OrderKey order = stale.checkout(5, new Line(1, 3, 1));
		stale.replicas.put(SoundRun.REPRICED, new ReplicaRow(1, 3, new BigDecimal("20"), 1));
		this.run.journal.checkout(5, Outcome.COMMITTED, order.orderId(), line);

		CriterionResult result = this.run.audit(Audit.PRICE_NEVER_BACKWARDS);

		assertThat(result.violated()).isEqualTo(1);
		assertThat(result.examples()).singleElement()
			.isEqualTo("checkout of customer 5 (order 2), 1/3: sold at 13.00 after a change to 20 was answered");
	}

	@Test
	void aPriceNoChangeSetIsAnEffectWithoutCause() {
		this.run.after.items.replaceAll((item) -> (item.customerId() == 5)
				? new OrderItemRow(5, item.orderId(), item.orderItemId(), item.sellerId(), item.productId(),
						new BigDecimal("17.50"), item.quantity(), item.totalAmount())
				: item);
		// an aborted change's price is no cause either
		this.run.journal.priceChange(new ProductKey(3, 3), "17.5", false, Outcome.ABORTED);

		CriterionResult result = this.run.audit(Audit.PRICE_NEVER_BACKWARDS);

		assertThat(result.violated()).isEqualTo(1);
		assertThat(result.examples()).singleElement().asString().endsWith("3/3: sold at 17.50, a price the product never had");
	}

}
