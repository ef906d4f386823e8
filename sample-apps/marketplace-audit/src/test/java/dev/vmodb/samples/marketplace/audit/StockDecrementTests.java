package dev.vmodb.samples.marketplace.audit;

import org.junit.jupiter.api.Test;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.StockRow;

import static org.assertj.core.api.Assertions.assertThat;

class StockDecrementTests {

	private final SoundRun run = new SoundRun();

	@Test
	void stockFallsByWhatCommittedCheckoutsBought() {
		CriterionResult result = this.run.audit(Audit.STOCK_DECREMENT);

		assertThat(result.checked()).isEqualTo(9);
		assertThat(result.violated()).as(result.examples().toString()).isZero();
		assertThat(Audit.state(this.run.after.snapshot()).criterion(Audit.STOCK_DECREMENT).violated()).isZero();
	}

	@Test
	void unitsSoldWithoutAnOrderAreAViolation() {
		ProductKey product = new ProductKey(3, 2);
		StockRow stock = this.run.after.stock.get(product);
		this.run.after.stock.put(product, new StockRow(3, 2, stock.qtyAvailable() - 4, 0, stock.ytd() + 4, 1, true));

		CriterionResult result = this.run.audit(Audit.STOCK_DECREMENT);

		assertThat(result.violated()).isEqualTo(1);
		assertThat(result.examples()).singleElement()
			.isEqualTo("stock 3/2: ytd 4 but orders hold 0 units; available fell by 4 but the run bought 0; "
					+ "ytd rose by 4 but the run bought 0");
		assertThat(Audit.state(this.run.after.snapshot()).criterion(Audit.STOCK_DECREMENT).violated())
			.as("a state alone sees the ytd without orders").isEqualTo(1);
	}

	@Test
	void aSaleTheJournalDoesNotShowIsAViolationEvenWhenTheStateIsCoherent() {
		// a whole order of customer 2, whose only checkout aborted: ytd matches the orders, the journal does not
		this.run.after.checkout(2, new Line(1, 2, 3));

		CriterionResult result = this.run.audit(Audit.STOCK_DECREMENT);

		assertThat(result.violated()).isEqualTo(1);
		assertThat(result.examples()).singleElement().asString().startsWith("stock 1/2: available fell by 3 but the run bought 0");
		assertThat(Audit.state(this.run.after.snapshot()).criterion(Audit.STOCK_DECREMENT).violated()).isZero();
	}

	@Test
	void anOrderOfACheckoutOfUnknownOutcomeAccountsForItsUnits() {
		this.run.journal.checkout(2, Outcome.UNKNOWN, 0, this.run.journal.line(1, 2, 3));
		this.run.after.checkout(2, new Line(1, 2, 3));

		assertThat(this.run.audit(Audit.STOCK_DECREMENT).violated()).isZero();
	}

	@Test
	void withoutAJournalTheNewOrdersAccountForTheFall() {
		CriterionResult result = Audit.run(this.run.before.snapshot(), this.run.after.snapshot(), null)
			.criterion(Audit.STOCK_DECREMENT);

		assertThat(result.checked()).isEqualTo(9);
		assertThat(result.violated()).isZero();
	}

}
