package dev.vmodb.autoconfigure.metrics.shelf;

import dev.vmodb.jpa.repository.VmsRepository;

public interface SlotRepository extends VmsRepository<Slot, Long> {

}
