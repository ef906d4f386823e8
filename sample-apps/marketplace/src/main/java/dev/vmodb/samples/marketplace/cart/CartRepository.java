package dev.vmodb.samples.marketplace.cart;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link Cart} rows of the cart VMS.
 */
public interface CartRepository extends VmsRepository<Cart, Long> {

}
