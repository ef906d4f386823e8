package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.DashboardAggregate;
import dev.vmodb.samples.marketplace.audit.Journal.DashboardRecord;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.EntryRow;

/**
 * Every dashboard the driver read is one consistent snapshot. One case per dashboard read: its aggregate counts the
 * listed entries and their distinct orders and sums their units and money columns (compared by value); every listed
 * entry is the seller's and open; and every listed entry was committed: it is the same row (units, amount) in the
 * state before or after the run, and not of an order that the journal shows as the trace of an aborted checkout. An
 * entry that neither state holds is a dirty read: the only entries that vanish are those of aborted checkouts.
 * Needs a journal.
 */
final class DashboardsConsistent implements Criterion {

	@Override
	public CriterionResult check(AuditInput audit) {
		if (!audit.hasJournal()) {
			return Violations.skipped(Audit.DASHBOARDS_CONSISTENT, AuditInput.NO_JOURNAL);
		}
		Violations violations = new Violations();
		long entries = 0;
		for (DashboardRecord dashboard : ShopIndex.rows(audit.journal.dashboards())) {
			List<EntryRow> listed = ShopIndex.rows(dashboard.entries());
			entries += listed.size();
			List<String> problems = sums(dashboard.aggregate(), listed);
			for (EntryRow entry : listed) {
				String problem = problem(audit, dashboard.sellerId(), entry);
				if (problem != null) {
					problems.add(problem);
				}
			}
			violations.check("dashboard of seller " + dashboard.sellerId() + " (" + listed.size() + " entries)",
					problems);
		}
		violations.note(String.format(Locale.ROOT, "%,d listed entries checked", entries));
		return violations.result(Audit.DASHBOARDS_CONSISTENT);
	}

	private static List<String> sums(DashboardAggregate aggregate, List<EntryRow> listed) {
		List<String> problems = new ArrayList<>(1);
		if (aggregate.entries() != listed.size()) {
			problems.add("counts " + aggregate.entries() + " entries, lists " + listed.size());
		}
		Set<OrderKey> orders = new HashSet<>();
		long quantity = 0;
		for (EntryRow entry : listed) {
			orders.add(new OrderKey(entry.customerId(), entry.orderId()));
			quantity += entry.quantity();
		}
		if (aggregate.orders() != orders.size()) {
			problems.add("counts " + aggregate.orders() + " orders, lists " + orders.size());
		}
		if (aggregate.quantity() != quantity) {
			problems.add("counts " + aggregate.quantity() + " units, lists " + quantity);
		}
		compare(problems, "items", aggregate.totalItems(), listed, EntryRow::totalItems);
		compare(problems, "amount", aggregate.totalAmount(), listed, EntryRow::totalAmount);
		compare(problems, "freight", aggregate.totalFreight(), listed, EntryRow::freightValue);
		compare(problems, "incentive", aggregate.totalIncentive(), listed, EntryRow::totalIncentive);
		compare(problems, "invoice", aggregate.totalInvoice(), listed, EntryRow::totalInvoice);
		return problems;
	}

	private static void compare(List<String> problems, String column, BigDecimal total, List<EntryRow> listed,
			Function<EntryRow, BigDecimal> value) {
		BigDecimal sum = listed.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (total == null || total.compareTo(sum) != 0) {
			problems.add("total " + column + " " + total + ", entries sum to " + sum);
		}
	}

	private static String problem(AuditInput audit, long sellerId, EntryRow entry) {
		OrderKey order = new OrderKey(entry.customerId(), entry.orderId());
		String name = "entry " + order + " " + entry.sellerId() + "/" + entry.productId();
		if (entry.sellerId() != sellerId || !Statuses.ENTRY_OPEN.equals(entry.deliveryStatus())) {
			return name + " is not an open entry of this seller";
		}
		EntryRow row = committed(audit.after, order, entry);
		if (row == null && audit.isRun()) {
			row = committed(audit.before, order, entry);
		}
		if (row == null) {
			return name + " was never committed (dirty read)";
		}
		if (row.quantity() != entry.quantity() || row.totalAmount().compareTo(entry.totalAmount()) != 0) {
			return name + " lists " + entry.quantity() + " units for " + entry.totalAmount() + ", committed are "
					+ row.quantity() + " for " + row.totalAmount();
		}
		if (audit.origins != null && audit.origins.of(order) == Origin.ABORTED) {
			return name + " is of an aborted checkout (dirty read)";
		}
		return null;
	}

	/** The row of a state with the entry's key (its order's entries are few), or {@code null}. */
	private static EntryRow committed(ShopIndex state, OrderKey order, EntryRow entry) {
		for (EntryRow row : state.entriesOf(order)) {
			if (row.sellerId() == entry.sellerId() && row.productId() == entry.productId()) {
				return row;
			}
		}
		return null;
	}

}
