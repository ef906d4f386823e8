package dev.vmodb.samples.baseline.cart;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.cart.CartItem;
import dev.vmodb.samples.marketplace.cart.CartItemId;

/** The lines in customers' carts. */
public interface CartItemRepository extends JpaRepository<CartItem, CartItemId>, Inserts<CartItem> {

	List<CartItem> findByCustomerId(Long customerId);

	List<CartItem> findBySellerIdAndProductIdAndVersion(Long sellerId, Long productId, long version);

}
