package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.CartLine;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;

/**
 * A small run a correct shop could have made, with every kind of request, for the criteria's tests to break:
 * <ul>
 * <li>customer 1 buys 2 × 1/1 and 1 × 2/2 (order 1/1), later delivered;</li>
 * <li>customer 2's checkout of 3 × 1/2 is declined: aborted, no trace;</li>
 * <li>product 1/3 goes from 13 to 20, then customer 3 buys it (order 3/1 at 20);</li>
 * <li>product 2/1 is replaced (version 2, price 15): customer 4's cart held version 1, its checkout aborts; it adds
 * 2/1 again and buys it (order 4/1);</li>
 * <li>customer 5 buys 1 × 3/3 (order 5/1), which stays open; seller 3's dashboard is read after it.</li>
 * </ul>
 */
final class SoundRun {

	static final ProductKey REPRICED = new ProductKey(1, 3);

	static final ProductKey REPLACED = new ProductKey(2, 1);

	final ShopModel before = ShopModel.of(3, 3, 5, 100);

	final ShopModel after = this.before.copy();

	final JournalModel journal = new JournalModel();

	final OrderKey delivered;

	SoundRun() {
		CartLine first = this.journal.line(1, 1, 2);
		CartLine second = this.journal.line(2, 2, 1);
		this.delivered = this.after.checkout(1, new Line(1, 1, 2), new Line(2, 2, 1));
		this.journal.checkout(1, Outcome.COMMITTED, this.delivered.orderId(), first, second);

		this.journal.checkout(2, Outcome.ABORTED, 0, this.journal.line(1, 2, 3));

		this.journal.priceChange(REPRICED, "20", false, Outcome.COMMITTED);
		this.after.setPrice(REPRICED, new BigDecimal("20"));
		CartLine repriced = this.journal.line(1, 3, 1);
		this.journal.checkout(3, Outcome.COMMITTED, this.after.checkout(3, new Line(1, 3, 1)).orderId(), repriced);

		CartLine old = this.journal.line(2, 1, 1);
		this.journal.priceChange(REPLACED, "15", true, Outcome.COMMITTED);
		this.after.replace(REPLACED, new BigDecimal("15"));
		this.journal.checkout(4, Outcome.ABORTED, 0, old);
		CartLine renewed = this.journal.line(2, 1, 1);
		this.journal.checkout(4, Outcome.COMMITTED, this.after.checkout(4, new Line(2, 1, 1)).orderId(), renewed);

		CartLine open = this.journal.line(3, 3, 1);
		this.journal.checkout(5, Outcome.COMMITTED, this.after.checkout(5, new Line(3, 3, 1)).orderId(), open);
		this.journal.dashboard(3, this.after.entries.stream().filter((entry) -> entry.sellerId() == 3).toList());

		this.after.deliver(this.delivered);
	}

	AuditReport audit() {
		return Audit.run(this.before.snapshot(), this.after.snapshot(), this.journal.journal());
	}

	CriterionResult audit(String criterion) {
		return audit().criterion(criterion);
	}

}
