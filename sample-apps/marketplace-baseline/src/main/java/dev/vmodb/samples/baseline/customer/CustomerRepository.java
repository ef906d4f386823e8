package dev.vmodb.samples.baseline.customer;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.customer.Customer;

/** The customer service's customers. */
public interface CustomerRepository extends JpaRepository<Customer, Long>, Inserts<Customer> {

	/** The customer, locked until the transaction ends: payments and deliveries count concurrently. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Customer> findLockedById(Long id);

}
