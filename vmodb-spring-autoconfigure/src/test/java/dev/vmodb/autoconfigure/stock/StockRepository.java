package dev.vmodb.autoconfigure.stock;

import dev.vmodb.jpa.repository.VmsRepository;

public interface StockRepository extends VmsRepository<Stock, String> {

}
