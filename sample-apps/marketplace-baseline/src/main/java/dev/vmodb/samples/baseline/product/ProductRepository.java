package dev.vmodb.samples.baseline.product;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.product.Product;
import dev.vmodb.samples.marketplace.product.ProductId;

/** The product service's catalogue. */
public interface ProductRepository extends JpaRepository<Product, ProductId>, Inserts<Product> {

}
