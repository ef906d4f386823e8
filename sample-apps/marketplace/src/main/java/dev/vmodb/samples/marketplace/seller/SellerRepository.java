package dev.vmodb.samples.marketplace.seller;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link Seller} rows of the seller VMS.
 */
public interface SellerRepository extends VmsRepository<Seller, Long> {

}
