package dev.vmodb.samples.marketplace.driver.workload;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

import dev.vmodb.samples.marketplace.audit.Journal.DashboardAggregate;
import dev.vmodb.samples.marketplace.audit.Journal.DashboardRecord;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.EntryRow;
import dev.vmodb.samples.marketplace.driver.TransactionType;
import dev.vmodb.samples.marketplace.driver.report.Measurements;
import dev.vmodb.samples.marketplace.driver.shop.ShopClient;
import dev.vmodb.samples.marketplace.driver.shop.ShopJson;

/**
 * The seller dashboard: reads a seller's aggregate and open entries and journals both, so the audit can check that
 * they agree and that no entry shows before its order.
 */
final class DashboardRead implements Transaction {

	private final ShopClient shop;

	private final Catalogue catalogue;

	private final Measurements measurements;

	private final RunJournal journal;

	DashboardRead(ShopClient shop, Catalogue catalogue, Measurements measurements, RunJournal journal) {
		this.shop = shop;
		this.catalogue = catalogue;
		this.measurements = measurements;
		this.journal = journal;
	}

	@Override
	public CompletableFuture<Void> run(RandomGenerator random) {
		long seller = this.catalogue.seller(random);
		return this.shop.send("GET", "/seller/dashboard/" + seller, null).thenAccept((answer) -> {
			this.measurements.record(TransactionType.DASHBOARD, answer);
			if (answer.outcome() == Outcome.COMMITTED) {
				View view = ShopJson.mapper().readValue(answer.body(), View.class);
				this.journal.dashboard(new DashboardRecord(seller, answer.at(), view.aggregate(),
						(view.entries() != null) ? view.entries() : List.of()));
			}
		});
	}

	/** The dashboard's JSON: the aggregate and the open entries (their other columns are ignored). */
	record View(DashboardAggregate aggregate, List<EntryRow> entries) {
	}

}
