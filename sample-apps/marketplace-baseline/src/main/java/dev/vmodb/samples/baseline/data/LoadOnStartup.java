package dev.vmodb.samples.baseline.data;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.samples.baseline.api.ShopCommands;
import dev.vmodb.samples.baseline.customer.CustomerRepository;
import dev.vmodb.samples.baseline.seller.SellerRepository;
import dev.vmodb.samples.marketplace.data.LoadReport;
import dev.vmodb.samples.marketplace.data.StartupLoad;

/**
 * The main job's data: loads the configured data set at start-up when {@code marketplace.load} is on and the shop
 * is empty (a database kept on disk, {@code spring.datasource.url}, keeps its rows across restarts).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSize.class)
public class LoadOnStartup implements ApplicationRunner {

	private final ShopCommands commands;

	private final DataSize size;

	private final StartupLoad startup;

	public LoadOnStartup(ShopCommands commands, SellerRepository sellers, CustomerRepository customers, DataSize size) {
		this.commands = commands;
		this.size = size;
		// counted when the job runs, not now
		this.startup = new StartupLoad("Marketplace baseline", () -> sellers.count(), () -> customers.count(),
				System.out);
	}

	@Override
	public void run(ApplicationArguments args) {
		this.startup.run(this.size.load(), this.size, this.size.inFlight(),
				() -> new DataLoader(this.commands, System.out).load(this.size));
	}

	/**
	 * Whether the start-up job is over (loaded, skipped on kept state, or off). The web server answers before it
	 * starts, so readers that need the whole data set (the audit's snapshot) wait for this.
	 */
	public boolean isReady() {
		return this.startup.isReady();
	}

	/** The start-up load's report: null when loading is off, {@link LoadReport#skipped()} on kept state. */
	public LoadReport report() {
		return this.startup.report();
	}

}
