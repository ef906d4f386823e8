package dev.vmodb.samples.baseline.cart;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;

/** The cart service's replica of the catalogue. */
public interface ReplicaProductRepository extends JpaRepository<ReplicaProduct, ReplicaProductId>, Inserts<ReplicaProduct> {

}
