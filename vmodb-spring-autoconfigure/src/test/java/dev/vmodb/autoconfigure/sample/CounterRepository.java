package dev.vmodb.autoconfigure.sample;

import java.util.List;

import dev.vmodb.jpa.repository.VmsRepository;

public interface CounterRepository extends VmsRepository<Counter, String> {

	List<Counter> findByAmountGreaterThan(long value);

}
