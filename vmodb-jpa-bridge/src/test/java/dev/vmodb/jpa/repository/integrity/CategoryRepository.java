package dev.vmodb.jpa.repository.integrity;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Repository of {@link Category}.
 */
public interface CategoryRepository extends VmsRepository<Category, Long> {

}
