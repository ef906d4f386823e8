package dev.vmodb.samples.demo.audit;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Audit entries.
 */
public interface AuditEntryRepository extends VmsRepository<AuditEntry, Long> {

}
