package dev.vmodb.samples.baseline.cart;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.cart.ReplicaProduct;
import dev.vmodb.samples.marketplace.cart.ReplicaProductId;

/** The cart service's replica of the catalogue. */
public interface ReplicaProductRepository extends JpaRepository<ReplicaProduct, ReplicaProductId>, Inserts<ReplicaProduct> {

}
