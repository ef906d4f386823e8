package dev.vmodb.samples.demo.accounts;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Debits of transfers.
 */
public interface DebitRepository extends VmsRepository<Debit, Long> {

}
