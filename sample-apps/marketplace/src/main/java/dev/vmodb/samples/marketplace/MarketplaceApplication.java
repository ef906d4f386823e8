package dev.vmodb.samples.marketplace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Online Marketplace shop: eight VMSs (cart, product, stock, order, payment, shipment, seller, customer) on an
 * embedded Kafka broker. The REST API and the data generator of the main job come later (issue 6).
 */
@SpringBootApplication
public class MarketplaceApplication {

	public static void main(String[] args) {
		SpringApplication.run(MarketplaceApplication.class, args);
	}

}
