package dev.vmodb.samples.baseline.cart;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.cart.Cart;

/** The cart service's carts. */
public interface CartRepository extends JpaRepository<Cart, Long>, Inserts<Cart> {

}
