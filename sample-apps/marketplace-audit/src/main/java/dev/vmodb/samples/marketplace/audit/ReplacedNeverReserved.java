package dev.vmodb.samples.marketplace.audit;

import java.util.List;
import java.util.Locale;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.CartLine;
import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.Journal.PriceChangeRecord;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.ProductRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.StockRow;

/**
 * A replaced product version is rejected where it is used. Two kinds of cases:
 * <ul>
 * <li>each product of the final state: its stock item holds its version, so stock rejects carts holding an older
 * one (the cart replica's version is checked with its price, by {@link PriceNeverBackwards});</li>
 * <li>with a journal, each line of a committed checkout whose product had a committed replacement answered before
 * the checkout was sent, and whose add is ordered in real time with every such replacement: if the add was answered
 * before one of them was sent, the cart held the replaced version when the checkout ran, and the checkout must have
 * aborted. A line whose add overlapped such a replacement cannot be decided (which version it took is unknown); those
 * are counted in the note, not checked.</li>
 * </ul>
 */
final class ReplacedNeverReserved implements Criterion {

	@Override
	public CriterionResult check(AuditInput audit) {
		Violations violations = new Violations();
		for (ProductRow product : audit.after.products.values()) {
			ProductKey key = new ProductKey(product.sellerId(), product.productId());
			StockRow stock = audit.after.stock.get(key);
			violations.check(stock != null && stock.version() == product.version(), () -> "product " + key
					+ " version " + product.version() + ": stock "
					+ ((stock != null) ? "holds version " + stock.version() : "has no item"));
		}
		if (audit.hasJournal()) {
			long undecided = 0;
			for (CheckoutRecord checkout : audit.committedCheckouts()) {
				for (CartLine line : ShopIndex.rows(checkout.lines())) {
					undecided += checkLine(audit, checkout, line, violations) ? 0 : 1;
				}
			}
			violations.note(String.format(Locale.ROOT,
					"%,d lines undecidable: their add overlapped a replacement of the product", undecided));
		}
		return violations.result(Audit.REPLACED_NEVER_RESERVED);
	}

	/** Checks a line if it can be decided; returns whether it could (a line with no replacement to fear can). */
	private static boolean checkLine(AuditInput audit, CheckoutRecord checkout, CartLine line, Violations violations) {
		ProductKey product = new ProductKey(line.sellerId(), line.productId());
		List<PriceChangeRecord> replacements = audit.changesOf(product)
			.stream()
			.filter((change) -> change.replacement() && change.outcome() == Outcome.COMMITTED
					&& change.at().before(checkout.at()))
			.toList();
		if (replacements.isEmpty()) {
			return true;
		}
		PriceChangeRecord missed = replacements.stream()
			.filter((replacement) -> line.added().before(replacement.at()))
			.findFirst()
			.orElse(null);
		if (missed == null && !replacements.stream().allMatch((replacement) -> replacement.at().before(line.added()))) {
			return false;
		}
		violations.check(missed == null, () -> "checkout of customer " + checkout.customerId() + " (order "
				+ checkout.orderId() + ") committed with " + product + " added before its replacement (price "
				+ missed.price() + ") was sent, and that replacement was answered before the checkout was sent");
		return true;
	}

}
