package dev.vmodb.samples.baseline.product;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;

/** The product service's catalogue. */
public interface ProductRepository extends JpaRepository<Product, ProductId>, Inserts<Product> {

}
