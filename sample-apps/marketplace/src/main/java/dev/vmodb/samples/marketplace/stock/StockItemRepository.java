package dev.vmodb.samples.marketplace.stock;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link StockItem} rows of the stock VMS.
 */
public interface StockItemRepository extends VmsRepository<StockItem, StockItemId> {

}
