package dev.vmodb.samples.baseline.stock;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.stock.StockItem;
import dev.vmodb.samples.marketplace.stock.StockItemId;

/** The stock service's items. */
public interface StockItemRepository extends JpaRepository<StockItem, StockItemId>, Inserts<StockItem> {

	/**
	 * The item, locked until the transaction ends: checkouts of different customers reserve the same item
	 * concurrently, and read-modify-write without the lock would lose reservations.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<StockItem> findLockedBySellerIdAndProductId(Long sellerId, Long productId);

}
