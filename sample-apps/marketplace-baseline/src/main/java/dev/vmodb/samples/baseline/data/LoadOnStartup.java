package dev.vmodb.samples.baseline.data;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.samples.baseline.api.ShopCommands;
import dev.vmodb.samples.baseline.customer.CustomerRepository;
import dev.vmodb.samples.baseline.seller.SellerRepository;

/**
 * The main job's data: loads the configured data set at start-up when {@code marketplace.load} is on and the shop
 * is empty (a database kept on disk, {@code spring.datasource.url}, keeps its rows across restarts).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSize.class)
public class LoadOnStartup implements ApplicationRunner {

	private final ShopCommands commands;

	private final SellerRepository sellers;

	private final CustomerRepository customers;

	private final DataSize size;

	private volatile LoadReport report;

	/** Set once the start-up job is over, whatever it did: until then the data set may be half loaded. */
	private volatile boolean ready;

	public LoadOnStartup(ShopCommands commands, SellerRepository sellers, CustomerRepository customers, DataSize size) {
		this.commands = commands;
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
		// sellers are loaded first, so one seller means the shop was loaded before
		long sellerCount = this.sellers.count();
		long customerCount = this.customers.count();
		if (sellerCount > 0 || customerCount > 0) {
			this.report = LoadReport.skipped();
			System.out.printf("Marketplace baseline: kept state with %,d sellers and %,d customers; not loading%n", sellerCount,
					customerCount);
			return;
		}
		System.out.printf("Marketplace baseline: loading %,d sellers × %,d products (%,d units each) and %,d customers "
				+ "(seed %d, %,d in flight)%n", this.size.sellers(), this.size.productsPerSeller(),
				this.size.stockPerProduct(), this.size.customers(), this.size.seed(), this.size.inFlight());
		LoadReport loaded = new DataLoader(this.commands, System.out).load(this.size);
		this.report = loaded;
		System.out.printf("Marketplace baseline: loaded %,d sellers, %,d products, %,d customers: %,d transactions committed, "
				+ "%,d aborted in %.1f s (%,.0f/s)%n", this.sellers.count(), this.size.sellers() * (long) this.size.productsPerSeller(),
				this.customers.count(), loaded.committed(), loaded.aborted(), loaded.took().toMillis() / 1000.0,
				loaded.perSecond());
		if (loaded.firstFailure() != null) {
			System.out.println("Marketplace baseline: first abort: " + loaded.firstFailure());
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
