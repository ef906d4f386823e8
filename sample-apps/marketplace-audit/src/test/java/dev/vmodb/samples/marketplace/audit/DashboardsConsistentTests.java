package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.DashboardAggregate;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.EntryRow;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardsConsistentTests {

	private final SoundRun run = new SoundRun();

	@Test
	void aDashboardIsTheSumOfItsCommittedEntries() {
		this.run.journal.dashboard(2, List.of());

		CriterionResult result = this.run.audit(Audit.DASHBOARDS_CONSISTENT);

		assertThat(result.checked()).isEqualTo(2);
		assertThat(result.violated()).as(result.examples().toString()).isZero();
		assertThat(result.note()).isEqualTo("1 listed entries checked");
	}

	@Test
	void needsAJournal() {
		CriterionResult result = Audit.state(this.run.after.snapshot()).criterion(Audit.DASHBOARDS_CONSISTENT);

		assertThat(result.skipped()).isEqualTo(AuditInput.NO_JOURNAL);
		assertThat(result.checked()).isZero();
	}

	@Test
	void anAggregateThatIsNotTheSumIsAViolation() {
		List<EntryRow> entries = open(3);
		DashboardAggregate sum = JournalModel.aggregate(entries);
		this.run.journal.dashboard(3, new DashboardAggregate(sum.orders(), sum.entries(), sum.quantity(),
				sum.totalItems(), sum.totalAmount().add(BigDecimal.ONE), sum.totalFreight(), sum.totalIncentive(),
				sum.totalInvoice()), entries);

		CriterionResult result = this.run.audit(Audit.DASHBOARDS_CONSISTENT);

		assertThat(result.violated()).isEqualTo(1);
		assertThat(result.examples()).singleElement()
			.isEqualTo("dashboard of seller 3 (1 entries): total amount 14, entries sum to 13");
	}

	@Test
	void anEntryOfAnAbortedCheckoutIsADirtyRead() {
		// customer 2's declined checkout, seen by the dashboard before its abort
		List<EntryRow> entries = new ArrayList<>(open(1));
		entries.add(new EntryRow(2, 1, 1, 2, 3, BigDecimal.valueOf(36), BigDecimal.valueOf(36), BigDecimal.ONE,
				BigDecimal.ZERO, BigDecimal.valueOf(36), Statuses.ENTRY_OPEN));
		this.run.journal.dashboard(1, entries);

		CriterionResult result = this.run.audit(Audit.DASHBOARDS_CONSISTENT);

		assertThat(result.violated()).isEqualTo(1);
		assertThat(result.examples()).singleElement().asString()
			.endsWith("entry order 2/1 1/2 was never committed (dirty read)");
	}

	private List<EntryRow> open(long sellerId) {
		return this.run.after.entries.stream()
			.filter((entry) -> entry.sellerId() == sellerId && entry.deliveryStatus().equals(Statuses.ENTRY_OPEN))
			.toList();
	}

}
