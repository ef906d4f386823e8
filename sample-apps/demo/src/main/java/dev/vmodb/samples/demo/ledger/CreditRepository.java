package dev.vmodb.samples.demo.ledger;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Credits of transfers.
 */
public interface CreditRepository extends VmsRepository<Credit, Long> {

}
