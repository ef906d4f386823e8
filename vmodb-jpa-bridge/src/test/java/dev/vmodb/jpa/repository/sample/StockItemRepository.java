package dev.vmodb.jpa.repository.sample;

import java.util.List;
import java.util.Optional;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Derived queries over an {@code @EmbeddedId} entity, by the id's parts.
 */
public interface StockItemRepository extends VmsRepository<StockItem, StockId> {

	Optional<StockItem> findByIdSellerIdAndIdProductId(Long sellerId, Long productId);

	List<StockItem> findById_SellerId(Long sellerId);

	List<StockItem> findByIdProductId(Long productId);

	List<StockItem> findByQtyAvailableLessThanOrderByIdProductIdDesc(int qtyAvailable);

}
