package dev.vmodb.samples.marketplace.cart;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link ReplicaProduct} rows of the cart VMS.
 */
public interface ReplicaProductRepository extends VmsRepository<ReplicaProduct, ReplicaProductId> {

}
