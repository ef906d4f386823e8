package dev.vmodb.samples.marketplace.audit;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.CartLine;
import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.Journal.Interval;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.StockRow;

import static org.assertj.core.api.Assertions.assertThat;

class ReplacedNeverReservedTests {

	private final SoundRun run = new SoundRun();

	@Test
	void aLineAddedAfterTheReplacementTookTheNewVersion() {
		CriterionResult result = this.run.audit(Audit.REPLACED_NEVER_RESERVED);

		// 9 products, and customer 4's second checkout, whose line followed the replacement
		assertThat(result.checked()).isEqualTo(10);
		assertThat(result.violated()).isZero();
		assertThat(result.note()).isEqualTo("0 lines undecidable: their add overlapped a replacement of the product");
	}

	@Test
	void aCheckoutOfTheReplacedVersionMustNotCommit() {
		// customer 4's first checkout, holding version 1, commits in this history
		CheckoutRecord aborted = this.run.journal.checkouts.stream()
			.filter((checkout) -> checkout.customerId() == 4 && checkout.outcome() == Outcome.ABORTED)
			.findFirst()
			.orElseThrow();
		CheckoutRecord committed = new CheckoutRecord(4, aborted.at(), Outcome.COMMITTED, 1, aborted.lines());
		this.run.journal.checkouts.removeIf((checkout) -> checkout.customerId() == 4);
		this.run.journal.checkouts.add(committed);

		CriterionResult result = this.run.audit(Audit.REPLACED_NEVER_RESERVED);

		assertThat(result.violated()).isEqualTo(1);
		assertThat(result.examples()).singleElement().asString()
			.startsWith("checkout of customer 4 (order 1) committed with 2/1 added before its replacement (price 15)");
	}

	@Test
	void aLineAddedWhileTheReplacementRanIsUndecidable() {
		Interval replacement = this.run.journal.priceChanges.stream()
			.filter((change) -> change.replacement())
			.findFirst()
			.orElseThrow()
			.at();
		CartLine overlapping = new CartLine(2, 1, 1, new Interval(replacement.sent() - 1, replacement.answered() + 1));
		this.run.journal.checkouts.replaceAll((checkout) -> (checkout.customerId() == 4
				&& checkout.outcome() == Outcome.COMMITTED)
						? new CheckoutRecord(4, checkout.at(), Outcome.COMMITTED, checkout.orderId(), List.of(overlapping))
						: checkout);

		CriterionResult result = this.run.audit(Audit.REPLACED_NEVER_RESERVED);

		assertThat(result.checked()).isEqualTo(9);
		assertThat(result.violated()).isZero();
		assertThat(result.note()).startsWith("1 lines undecidable");
	}

	@Test
	void stockBehindTheProductVersionIsAViolation() {
		StockRow stock = this.run.after.stock.get(SoundRun.REPLACED);
		this.run.after.stock.put(SoundRun.REPLACED, new StockRow(2, 1, stock.qtyAvailable(), 0, stock.ytd(), 1, true));

		CriterionResult result = Audit.state(this.run.after.snapshot()).criterion(Audit.REPLACED_NEVER_RESERVED);

		assertThat(result.checked()).isEqualTo(9);
		assertThat(result.examples()).containsExactly("product 2/1 version 2: stock holds version 1");
	}

}
