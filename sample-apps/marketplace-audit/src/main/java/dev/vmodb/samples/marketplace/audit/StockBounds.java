package dev.vmodb.samples.marketplace.audit;

import java.util.ArrayList;
import java.util.List;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.StockRow;

/**
 * Every stock item of the final state: available and reserved are not negative, reserved does not exceed available,
 * and nothing is reserved, since no checkout is in flight at rest (a reservation left behind is the trace of a
 * checkout that neither sold nor released it). Checks one case per stock item.
 */
final class StockBounds implements Criterion {

	@Override
	public CriterionResult check(AuditInput audit) {
		Violations violations = new Violations();
		for (StockRow stock : ShopIndex.rows(audit.after.snapshot.stock())) {
			List<String> problems = new ArrayList<>(1);
			if (stock.qtyAvailable() < 0) {
				problems.add("available " + stock.qtyAvailable());
			}
			if (stock.qtyReserved() < 0) {
				problems.add("reserved " + stock.qtyReserved());
			}
			if (stock.qtyReserved() > Math.max(stock.qtyAvailable(), 0)) {
				problems.add("reserved " + stock.qtyReserved() + " > available " + stock.qtyAvailable());
			}
			else if (stock.qtyReserved() > 0) {
				problems.add(stock.qtyReserved() + " reserved at rest");
			}
			violations.check("stock " + stock.sellerId() + "/" + stock.productId(), problems);
		}
		return violations.result(Audit.STOCK_BOUNDS);
	}

}
