package dev.vmodb.samples.marketplace.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.Journal.PriceChangeRecord;

/**
 * What the criteria judge, indexed once: the final state, and for a run the state before it and the journal (either
 * may be missing: a state audit has neither, a run may come without a journal).
 */
final class AuditInput {

	/** The reason a criterion that needs a journal gives when there is none. */
	static final String NO_JOURNAL = "it needs the driver's journal of a run";

	final ShopIndex before;

	final ShopIndex after;

	final Journal journal;

	/** Where the new orders come from; {@code null} without a journal. */
	final CheckoutOrigins origins;

	private final Map<ProductKey, List<PriceChangeRecord>> changes = new HashMap<>();

	private AuditInput(ShopIndex before, ShopIndex after, Journal journal) {
		this.before = before;
		this.after = after;
		this.journal = journal;
		this.origins = (before != null && journal != null) ? new CheckoutOrigins(before, after, journal) : null;
		if (journal != null) {
			for (PriceChangeRecord change : ShopIndex.rows(journal.priceChanges())) {
				this.changes.computeIfAbsent(new ProductKey(change.sellerId(), change.productId()),
						(key) -> new ArrayList<>()).add(change);
			}
		}
	}

	static AuditInput ofRun(ShopSnapshot before, ShopSnapshot after, Journal journal) {
		if (before == null || after == null) {
			throw new IllegalArgumentException("A run's audit needs the state before and after it");
		}
		return new AuditInput(new ShopIndex(before), new ShopIndex(after), journal);
	}

	static AuditInput ofState(ShopSnapshot state) {
		if (state == null) {
			throw new IllegalArgumentException("A state audit needs a state");
		}
		return new AuditInput(null, new ShopIndex(state), null);
	}

	/** Whether this audits a run (with the state before it) rather than a state alone. */
	boolean isRun() {
		return this.before != null;
	}

	boolean hasJournal() {
		return this.journal != null;
	}

	/** The orders a run added, or every order of a state. */
	List<OrderKey> ordersInScope() {
		List<OrderKey> scope = new ArrayList<>();
		for (OrderKey order : this.after.orders.keySet()) {
			if (!isRun() || !this.before.orders.containsKey(order)) {
				scope.add(order);
			}
		}
		return scope;
	}

	/** The journal's committed checkouts. */
	List<CheckoutRecord> committedCheckouts() {
		return ShopIndex.rows(this.journal.checkouts())
			.stream()
			.filter((checkout) -> checkout.outcome() == Outcome.COMMITTED)
			.toList();
	}

	/** The journal's price changes (updates and replacements) of a product, as sent. */
	List<PriceChangeRecord> changesOf(ProductKey product) {
		return this.changes.getOrDefault(product, List.of());
	}

}
