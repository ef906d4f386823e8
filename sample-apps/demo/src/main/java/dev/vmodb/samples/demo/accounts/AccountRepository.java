package dev.vmodb.samples.demo.accounts;

import java.util.List;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Accounts, read and written at the transaction's place in the serial order.
 */
public interface AccountRepository extends VmsRepository<Account, Long> {

	List<Account> findByOwner(String owner);

	long countByBalanceGreaterThan(long balance);

}
