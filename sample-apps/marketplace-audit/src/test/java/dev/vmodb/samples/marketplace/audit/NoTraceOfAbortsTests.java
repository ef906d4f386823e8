package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.PaymentRow;

import static org.assertj.core.api.Assertions.assertThat;

class NoTraceOfAbortsTests {

	private final SoundRun run = new SoundRun();

	@Test
	void everyNewRowBelongsToACommittedCheckout() {
		CriterionResult result = this.run.audit(Audit.NO_TRACE_OF_ABORTS);

		// 4 orders with 5 items: 4 + 5 + 4 payments + 4 shipments + 5 packages + 5 entries
		assertThat(result.checked()).isEqualTo(27);
		assertThat(result.violated()).isZero();
		assertThat(result.note()).isEqualTo("0 new rows of 0 orders tolerated as checkouts of unknown outcome "
				+ "(0 in the journal); 2 aborted checkouts in the journal");
	}

	@Test
	void theRowsOfAnAbortedCheckoutAreTraces() {
		this.run.after.checkout(2, new Line(1, 2, 3));

		CriterionResult result = this.run.audit(Audit.NO_TRACE_OF_ABORTS);

		assertThat(result.violated()).as("order, item, payment, shipment, package, entry").isEqualTo(6);
		assertThat(result.examples()).first().asString()
			.isEqualTo("order 2/1: trace of an aborted checkout of customer 2 "
					+ "(no committed or unknown checkout accounts for it)");
	}

	@Test
	void rowsOfACheckoutOfUnknownOutcomeAreToleratedAndCounted() {
		this.run.journal.checkout(2, Outcome.UNKNOWN, 0, this.run.journal.line(1, 2, 3));
		this.run.after.checkout(2, new Line(1, 2, 3));

		CriterionResult result = this.run.audit(Audit.NO_TRACE_OF_ABORTS);

		assertThat(result.violated()).isZero();
		assertThat(result.note()).startsWith("6 new rows of 1 orders tolerated as checkouts of unknown outcome (1 in");
	}

	@Test
	void aNewOrderNoCheckoutMadeIsUnaccounted() {
		this.run.after.checkout(3, new Line(3, 1, 1));

		CriterionResult result = this.run.audit(Audit.NO_TRACE_OF_ABORTS);

		assertThat(result.violated()).isEqualTo(6);
		assertThat(result.examples()).first().asString().endsWith("order 3/2: no checkout of the journal made it");
	}

	@Test
	void aPaymentOfNoOrderIsAnOrphanEvenInAState() {
		this.run.after.payments.add(new PaymentRow(9, 1, 1, "BOLETO", BigDecimal.TEN));

		assertThat(this.run.audit(Audit.NO_TRACE_OF_ABORTS).examples())
			.containsExactly("payment of order 9/1: its order does not exist");
		CriterionResult state = Audit.state(this.run.after.snapshot()).criterion(Audit.NO_TRACE_OF_ABORTS);
		assertThat(state.checked()).as("every row of a child table").isEqualTo(5 + 5 + 4 + 5 + 5);
		assertThat(state.violated()).isEqualTo(1);
	}

}
