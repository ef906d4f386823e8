package dev.vmodb.samples.marketplace.data;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.core.api.VmsClient;
import dev.vmodb.samples.marketplace.customer.CustomerRepository;
import dev.vmodb.samples.marketplace.seller.SellerRepository;

/**
 * The main job's data: loads the configured data set at start-up when {@code marketplace.load} is on and the shop
 * is empty, so a restart on kept state ({@code vmodb.h2.directory}, a kept log) continues with what it has.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSize.class)
public class LoadOnStartup implements ApplicationRunner {

	private final VmsClient client;

	private final SellerRepository sellers;

	private final CustomerRepository customers;

	private final DataSize size;

	private volatile LoadReport report;

	/** Set once the start-up job is over, whatever it did: until then the data set may be half loaded. */
	private volatile boolean ready;

	public LoadOnStartup(VmsClient client, SellerRepository sellers, CustomerRepository customers, DataSize size) {
		this.client = client;
		this.sellers = sellers;
		this.customers = customers;
		this.size = size;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			loadIfEmpty();
		}
		finally {
			this.ready = true;
		}
	}

	private void loadIfEmpty() {
		if (!this.size.load()) {
			return;
		}
		// the last committed batch: on a kept log the replayed batches may still be committing, but ingestion
		// commits sellers first, so one seller means the shop was loaded before
		long sellerCount = this.sellers.count();
		long customerCount = this.customers.count();
		if (sellerCount > 0 || customerCount > 0) {
			this.report = LoadReport.skipped();
			System.out.printf("Marketplace: kept state with %,d sellers and %,d customers; not loading%n", sellerCount,
					customerCount);
			return;
		}
		System.out.printf("Marketplace: loading %,d sellers × %,d products (%,d units each) and %,d customers "
				+ "(seed %d, %,d in flight)%n", this.size.sellers(), this.size.productsPerSeller(),
				this.size.stockPerProduct(), this.size.customers(), this.size.seed(), this.size.inFlight());
		LoadReport loaded = new DataLoader(this.client, System.out).load(this.size);
		this.report = loaded;
		System.out.printf("Marketplace: loaded %,d sellers, %,d products, %,d customers: %,d transactions committed, "
				+ "%,d aborted in %.1f s (%,.0f/s)%n", this.sellers.count(), this.size.sellers() * (long) this.size.productsPerSeller(),
				this.customers.count(), loaded.committed(), loaded.aborted(), loaded.took().toMillis() / 1000.0,
				loaded.perSecond());
		if (loaded.firstFailure() != null) {
			System.out.println("Marketplace: first abort: " + loaded.firstFailure());
		}
	}

	/**
	 * Whether the start-up job is over (loaded, skipped on kept state, or off). The web server answers before it
	 * starts, so readers that need the whole data set (the audit's snapshot) wait for this.
	 */
	public boolean isReady() {
		return this.ready;
	}

	/** The start-up load's report: null when loading is off, {@link LoadReport#skipped()} on kept state. */
	public LoadReport report() {
		return this.report;
	}

}
