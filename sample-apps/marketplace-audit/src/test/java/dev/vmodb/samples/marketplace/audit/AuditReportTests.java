package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.PaymentRow;

import static org.assertj.core.api.Assertions.assertThat;

class AuditReportTests {

	private final SoundRun run = new SoundRun();

	@Test
	void aSoundRunPassesEveryCriterionWithCasesChecked() {
		AuditReport report = this.run.audit();

		assertThat(report.passed()).as(report.format()).isTrue();
		assertThat(report.criteria()).extracting(CriterionResult::name)
			.containsExactly(Audit.STOCK_BOUNDS, Audit.STOCK_DECREMENT, Audit.CHECKOUT_COMPLETE,
					Audit.NO_TRACE_OF_ABORTS, Audit.REPLACED_NEVER_RESERVED, Audit.PRICE_NEVER_BACKWARDS,
					Audit.DASHBOARDS_CONSISTENT, Audit.DELIVERIES_COHERENT);
		assertThat(report.criteria()).allSatisfy((criterion) -> assertThat(criterion.checked()).isPositive());
	}

	@Test
	void aStateAloneSkipsOnlyWhatNeedsAJournal() {
		AuditReport report = Audit.state(this.run.after.snapshot());

		assertThat(report.passed()).as(report.format()).isTrue();
		assertThat(report.criteria()).filteredOn((criterion) -> criterion.skipped() != null)
			.extracting(CriterionResult::name)
			.containsExactly(Audit.DASHBOARDS_CONSISTENT);
	}

	@Test
	void formatPrintsEachCriterionWithItsCountsExamplesAndNotes() {
		this.run.after.payments.add(new PaymentRow(9, 1, 1, "BOLETO", BigDecimal.TEN));

		String text = this.run.audit().format();

		assertThat(text).startsWith("Consistency audit: FAILED (8 criteria, 1 violated)")
			.contains("  ok    " + Audit.STOCK_BOUNDS + ": 9 checked, 0 violated")
			.contains("  FAIL  " + Audit.NO_TRACE_OF_ABORTS + ": 28 checked, 1 violated")
			.contains("          - payment of order 9/1: its order does not exist")
			.contains("          note: 0 new rows of 0 orders tolerated");
		assertThat(Audit.state(this.run.after.snapshot()).format())
			.contains("  skip  " + Audit.DASHBOARDS_CONSISTENT + ": skipped, " + AuditInput.NO_JOURNAL);
	}

}
