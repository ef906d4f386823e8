package dev.vmodb.samples.marketplace.data;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A shop's start-up load, whatever engine the shop runs on: loads the data set when loading is on and the shop is
 * empty, prints what it did, and says when it is over (the web server answers before it, so readers that need the
 * whole data set, such as the audit's snapshot, wait for {@link #isReady()}).
 */
public final class StartupLoad {

	private final String shop;

	private final LongSupplier sellerCount;

	private final LongSupplier customerCount;

	private final PrintStream out;

	private volatile LoadReport report;

	/** Set once the start-up job is over, whatever it did: until then the data set may be half loaded. */
	private volatile boolean ready;

	/**
	 * @param shop the shop's name in the printed lines
	 * @param sellerCount counts the sellers stored
	 * @param customerCount counts the customers stored
	 * @param out where progress goes
	 */
	public StartupLoad(String shop, LongSupplier sellerCount, LongSupplier customerCount, PrintStream out) {
		this.shop = shop;
		this.sellerCount = sellerCount;
		this.customerCount = customerCount;
		this.out = out;
	}

	/**
	 * Loads the data set unless loading is off or the shop already holds sellers or customers; ready afterwards,
	 * also when the load failed.
	 * @param enabled whether loading is on
	 * @param size the data set
	 * @param inFlight the ingestion transactions the loader keeps in flight, for the printed line
	 * @param load runs the shop's loader
	 */
	public void run(boolean enabled, DataGenerator.Size size, int inFlight, Supplier<LoadReport> load) {
		try {
			if (enabled) {
				loadIfEmpty(size, inFlight, load);
			}
		}
		finally {
			this.ready = true;
		}
	}

	private void loadIfEmpty(DataGenerator.Size size, int inFlight, Supplier<LoadReport> load) {
		// ingestion loads sellers first, so one seller means the shop was loaded before
		long sellers = this.sellerCount.getAsLong();
		long customers = this.customerCount.getAsLong();
		if (sellers > 0 || customers > 0) {
			this.report = LoadReport.skipped();
			this.out.printf("%s: kept state with %,d sellers and %,d customers; not loading%n", this.shop, sellers,
					customers);
			return;
		}
		this.out.printf("%s: loading %,d sellers × %,d products (%,d units each) and %,d customers (seed %d, %,d in"
				+ " flight)%n", this.shop, size.sellers(), size.productsPerSeller(), size.stockPerProduct(),
				size.customers(), size.seed(), inFlight);
		LoadReport loaded = load.get();
		this.report = loaded;
		this.out.printf("%s: loaded %,d sellers, %,d products, %,d customers: %,d transactions committed, %,d aborted"
				+ " in %.1f s (%,.0f/s)%n", this.shop, this.sellerCount.getAsLong(),
				size.sellers() * (long) size.productsPerSeller(), this.customerCount.getAsLong(), loaded.committed(),
				loaded.aborted(), loaded.took().toMillis() / 1000.0, loaded.perSecond());
		if (loaded.firstFailure() != null) {
			this.out.println(this.shop + ": first abort: " + loaded.firstFailure());
		}
	}

	/** Whether the start-up job is over (loaded, skipped on kept state, or off). */
	public boolean isReady() {
		return this.ready;
	}

	/** The start-up load's report: null when loading is off, {@link LoadReport#skipped()} on kept state. */
	public LoadReport report() {
		return this.report;
	}

}
