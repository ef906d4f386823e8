package dev.vmodb.samples.baseline.messaging;

import jakarta.persistence.EntityManager;

/**
 * The {@link Inserts} fragment.
 *
 * @param <T> the entity type
 */
class InsertsImpl<T> implements Inserts<T> {

	private final EntityManager entityManager;

	InsertsImpl(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public void insert(T entity) {
		this.entityManager.persist(entity);
	}

}
