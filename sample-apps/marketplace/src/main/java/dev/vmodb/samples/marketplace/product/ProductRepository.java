package dev.vmodb.samples.marketplace.product;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link Product} rows of the product VMS.
 */
public interface ProductRepository extends VmsRepository<Product, ProductId> {

}
