package dev.vmodb.samples.marketplace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Online Marketplace shop: eight VMSs (cart, product, stock, order, payment, shipment, seller, customer) on an
 * embedded Kafka broker, loaded with a generated data set when empty and serving the REST API (see its README).
 */
@SpringBootApplication
public class MarketplaceApplication {

	public static void main(String[] args) {
		SpringApplication.run(MarketplaceApplication.class, args);
	}

}
