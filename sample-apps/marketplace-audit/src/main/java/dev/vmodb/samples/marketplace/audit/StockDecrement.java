package dev.vmodb.samples.marketplace.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.CartLine;
import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.OrderItemRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.StockRow;

/**
 * Stock sells exactly what was bought. In every mode each stock item's units sold ({@code ytd}) equal the units of
 * that product over the items of all orders. For a run, also: the fall of {@code qtyAvailable} and the rise of
 * {@code ytd} from before to after both equal what the run bought of the product: the lines of the journal's
 * committed checkouts, plus the items of new orders that checkouts of unknown outcome account for (without a journal:
 * the items of all new orders). Checks one case per stock item, and one per bought product without a stock item.
 */
final class StockDecrement implements Criterion {

	@Override
	public CriterionResult check(AuditInput audit) {
		Violations violations = new Violations();
		Map<ProductKey, Long> ordered = audit.after.unitsOrdered();
		Map<ProductKey, Long> bought = audit.isRun() ? boughtInRun(audit) : Map.of();
		Set<ProductKey> unchecked = new HashSet<>(bought.keySet());
		long added = 0;
		for (StockRow stock : ShopIndex.rows(audit.after.snapshot.stock())) {
			ProductKey product = new ProductKey(stock.sellerId(), stock.productId());
			unchecked.remove(product);
			List<String> problems = new ArrayList<>(1);
			long units = ordered.getOrDefault(product, 0L);
			if (stock.ytd() != units) {
				problems.add("ytd " + stock.ytd() + " but orders hold " + units + " units");
			}
			StockRow before = audit.isRun() ? audit.before.stock.get(product) : null;
			if (before != null) {
				long expected = bought.getOrDefault(product, 0L);
				long fell = (long) before.qtyAvailable() - stock.qtyAvailable();
				if (fell != expected) {
					problems.add("available fell by " + fell + " but the run bought " + expected);
				}
				long sold = stock.ytd() - before.ytd();
				if (sold != expected) {
					problems.add("ytd rose by " + sold + " but the run bought " + expected);
				}
			}
			else if (audit.isRun()) {
				added++;
			}
			violations.check("stock " + product, problems);
		}
		for (ProductKey product : unchecked) {
			violations.check(false, () -> "stock " + product + ": " + bought.get(product)
					+ " units bought, but no stock item");
		}
		if (added > 0) {
			violations.note(String.format(Locale.ROOT,
					"%,d stock items new since before: their ytd checked, not their fall", added));
		}
		return violations.result(Audit.STOCK_DECREMENT);
	}

	/** Units of each product the run bought, as the journal (or, without one, the new orders) tell. */
	private static Map<ProductKey, Long> boughtInRun(AuditInput audit) {
		Map<ProductKey, Long> bought = new HashMap<>();
		if (audit.hasJournal()) {
			for (CheckoutRecord checkout : audit.committedCheckouts()) {
				for (CartLine line : ShopIndex.rows(checkout.lines())) {
					bought.merge(new ProductKey(line.sellerId(), line.productId()), (long) line.quantity(), Long::sum);
				}
			}
		}
		audit.ordersInScope().forEach((order) -> {
			if (!audit.hasJournal() || audit.origins.of(order) == Origin.UNKNOWN) {
				for (OrderItemRow item : audit.after.itemsOf(order)) {
					bought.merge(new ProductKey(item.sellerId(), item.productId()), (long) item.quantity(), Long::sum);
				}
			}
		});
		return bought;
	}

}
