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
 * is empty, so a restart on kept state ({@code vmodb.h2.directory}, a kept log) continues with what it has. The
 * counts read the last committed batch: on a kept log the replayed batches may still be committing, but ingestion
 * commits sellers first, so one seller means the shop was loaded before.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSize.class)
public class LoadOnStartup implements ApplicationRunner {

	private final VmsClient client;

	private final DataSize size;

	private final StartupLoad startup;

	public LoadOnStartup(VmsClient client, SellerRepository sellers, CustomerRepository customers, DataSize size) {
		this.client = client;
		this.size = size;
		// counted when the job runs, not now
		this.startup = new StartupLoad("Marketplace", () -> sellers.count(), () -> customers.count(),
				System.out);
	}

	@Override
	public void run(ApplicationArguments args) {
		this.startup.run(this.size.load(), this.size, this.size.inFlight(),
				() -> new DataLoader(this.client, System.out).load(this.size));
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
