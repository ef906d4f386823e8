package dev.vmodb.samples.baseline.data;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.vmodb.samples.marketplace.data.DataGenerator;

/**
 * The data set the main job loads (the benchmark's 10,000 sellers × 10 products, 100,000 customers and 10,000
 * units scaled down so that it loads in seconds on a laptop).
 *
 * @param load whether to load at start-up when the shop is empty
 * @param sellers sellers 1..sellers
 * @param productsPerSeller products 1..productsPerSeller of every seller
 * @param customers customers 1..customers
 * @param stockPerProduct units available of every product
 * @param seed seeds names, categories and prices: the same seed loads the same shop
 * @param inFlight ingestion transactions submitted and not yet committed, at most
 */
@ConfigurationProperties("marketplace")
public record DataSize(@DefaultValue("false") boolean load, @DefaultValue("1000") int sellers,
		@DefaultValue("10") int productsPerSeller, @DefaultValue("10000") int customers,
		@DefaultValue("10000") int stockPerProduct, @DefaultValue("42") long seed,
		@DefaultValue("512") int inFlight) implements DataGenerator.Size {

	public DataSize {
		if (sellers < 0 || productsPerSeller < 0 || customers < 0 || stockPerProduct < 0 || inFlight < 1) {
			throw new IllegalArgumentException("marketplace sizes must not be negative and in-flight at least 1");
		}
	}

}
