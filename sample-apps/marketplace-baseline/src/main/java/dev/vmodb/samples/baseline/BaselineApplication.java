package dev.vmodb.samples.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

import dev.vmodb.samples.marketplace.cart.Cart;
import dev.vmodb.samples.marketplace.customer.Customer;
import dev.vmodb.samples.marketplace.order.Order;
import dev.vmodb.samples.marketplace.payment.OrderPayment;
import dev.vmodb.samples.marketplace.product.Product;
import dev.vmodb.samples.marketplace.seller.Seller;
import dev.vmodb.samples.marketplace.shipment.Shipment;
import dev.vmodb.samples.marketplace.stock.StockItem;

/**
 * The Online Marketplace shop without vMODB: eight services as packages of one JVM, talking over Kafka topics, each
 * with its own tables and one local database transaction per event.
 */
@SpringBootApplication
// the eight services' entities, shared with the vMODB shop (marketplace-model), and this application's own
// (processed events); the repositories stay in this application's packages
@EntityScan(basePackageClasses = { Cart.class, Customer.class, Order.class, OrderPayment.class, Product.class,
		Seller.class, Shipment.class, StockItem.class, BaselineApplication.class })
public class BaselineApplication {

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

}
