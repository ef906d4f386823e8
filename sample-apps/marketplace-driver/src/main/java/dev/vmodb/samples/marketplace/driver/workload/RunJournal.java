package dev.vmodb.samples.marketplace.driver.workload;

import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.vmodb.samples.marketplace.audit.Journal;
import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.Journal.DashboardRecord;
import dev.vmodb.samples.marketplace.audit.Journal.PriceChangeRecord;

/**
 * Collects the audit's journal as answers arrive, from every slot at once; warm-up and drain included, since the
 * audit judges everything the run did.
 */
public final class RunJournal {

	private final Queue<CheckoutRecord> checkouts = new ConcurrentLinkedQueue<>();

	private final Queue<PriceChangeRecord> priceChanges = new ConcurrentLinkedQueue<>();

	private final Queue<DashboardRecord> dashboards = new ConcurrentLinkedQueue<>();

	void checkout(CheckoutRecord record) {
		this.checkouts.add(record);
	}

	void priceChange(PriceChangeRecord record) {
		this.priceChanges.add(record);
	}

	void dashboard(DashboardRecord record) {
		this.dashboards.add(record);
	}

	/** The journal so far. */
	public Journal journal() {
		return new Journal(new ArrayList<>(this.checkouts), new ArrayList<>(this.priceChanges),
				new ArrayList<>(this.dashboards));
	}

}
