/**
 * Spring Data repositories over a VMS's versioned state: {@link dev.vmodb.jpa.repository.VmsRepository}, derived
 * queries compiled at start-up to primary-key reads, index lookups or scans, and the Spring wiring
 * ({@link dev.vmodb.jpa.repository.EnableVmsRepositories}).
 */
package dev.vmodb.jpa.repository;
