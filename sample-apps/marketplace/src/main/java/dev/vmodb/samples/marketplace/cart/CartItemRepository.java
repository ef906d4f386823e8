package dev.vmodb.samples.marketplace.cart;

import java.util.List;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link CartItem} rows of the cart VMS.
 */
public interface CartItemRepository extends VmsRepository<CartItem, CartItemId> {

	List<CartItem> findByCustomerId(Long customerId);

	List<CartItem> findByProductId(Long productId);

	long deleteByCustomerId(Long customerId);

}
