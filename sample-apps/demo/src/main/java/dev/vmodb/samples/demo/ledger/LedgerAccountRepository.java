package dev.vmodb.samples.demo.ledger;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Ledger accounts.
 */
public interface LedgerAccountRepository extends VmsRepository<LedgerAccount, Long> {

}
