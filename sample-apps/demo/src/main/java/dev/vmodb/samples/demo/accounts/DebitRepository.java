package dev.vmodb.samples.demo.accounts;

import java.util.Optional;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Debits of transfers.
 */
public interface DebitRepository extends VmsRepository<Debit, Long> {

	/**
	 * The debit of the newest committed transfer, to number new transfers after it when the state was kept.
	 * @return the debit, or empty before the first transfer
	 */
	Optional<Debit> findTopByOrderByTransferIdDesc();

}
