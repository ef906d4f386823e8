package dev.vmodb.samples.marketplace.audit;

import org.junit.jupiter.api.Test;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.StockRow;

import static org.assertj.core.api.Assertions.assertThat;

class StockBoundsTests {

	private final SoundRun run = new SoundRun();

	@Test
	void soundStockPasses() {
		CriterionResult result = this.run.audit(Audit.STOCK_BOUNDS);

		assertThat(result.checked()).isEqualTo(9);
		assertThat(result.violated()).isZero();
		assertThat(Audit.state(this.run.after.snapshot()).criterion(Audit.STOCK_BOUNDS).violated()).isZero();
	}

	@Test
	void negativeOverReservedAndLeftoverReservationsAreViolations() {
		set(new StockRow(1, 1, -1, 0, 2, 1, true));
		set(new StockRow(1, 2, 5, 6, 0, 1, true));
		set(new StockRow(1, 3, 5, 2, 1, 1, true));

		CriterionResult result = Audit.state(this.run.after.snapshot()).criterion(Audit.STOCK_BOUNDS);

		assertThat(result.checked()).isEqualTo(9);
		assertThat(result.violated()).isEqualTo(3);
		assertThat(result.examples()).containsExactly("stock 1/1: available -1", "stock 1/2: reserved 6 > available 5",
				"stock 1/3: 2 reserved at rest");
	}

	private void set(StockRow row) {
		this.run.after.stock.put(new ProductKey(row.sellerId(), row.productId()), row);
	}

}
