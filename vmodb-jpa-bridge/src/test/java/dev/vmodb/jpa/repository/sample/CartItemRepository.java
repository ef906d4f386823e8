package dev.vmodb.jpa.repository.sample;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Derived queries over an {@code @IdClass} entity.
 */
public interface CartItemRepository extends VmsRepository<CartItem, CartItemId> {

	Optional<CartItem> findByCustomerIdAndSellerIdAndProductId(Long customerId, Long sellerId, Long productId);

	List<CartItem> findByCustomerIdAndSellerIdAndProductIdIn(Long customerId, Long sellerId, Collection<Long> productIds);

	List<CartItem> findByCustomerIdOrderBySellerIdAscProductIdAsc(Long customerId);

	List<CartItem> findBySellerId(Long sellerId);

	List<CartItem> findBySellerIdAndCustomerId(Long sellerId, Long customerId);

	long countByCustomerId(Long customerId);

}
