package dev.vmodb.jpa.repository;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/**
 * A Spring Data repository over the versioned state of the VMS that owns the entity.
 *
 * <p>Contract:
 * <ul>
 * <li>Inside a handler, every method reads and writes at the handler's TID: it sees the writes of earlier
 * transactions (committed or not) and its own, never those of later ones.</li>
 * <li>Outside a handler, reads see the last committed batch (one snapshot per call) and writes fail with an
 * {@link IllegalStateException}: the state changes only through transactions.</li>
 * <li>Writes check the table's rules (primary key, unique indexes, Bean Validation constraints,
 * {@link dev.vmodb.core.api.References @References} naming a visible parent) and deletes check that no visible
 * row references the deleted one; a broken rule throws {@link dev.vmodb.core.schema.IntegrityViolationException}
 * and the handler's transaction then aborts.</li>
 * <li>Returned entities are fresh copies: changing one changes nothing until it is saved.</li>
 * <li>Results without an explicit order come in primary-key order; ties of an explicit order are broken by the
 * primary key. The order is therefore deterministic, as replayed handlers require.</li>
 * <li>Derived query methods ({@code findBySellerIdAndStatus}, {@code countBy…}, {@code existsBy…},
 * {@code deleteBy…}) are compiled when the repository is created; those that cover the primary key or a secondary
 * index with equality conditions read through it instead of scanning the table.</li>
 * </ul>
 *
 * @param <T> the entity type
 * @param <ID> the id type: the {@code @Id} attribute's type, the {@code @EmbeddedId} class or the {@code @IdClass}
 */
@NoRepositoryBean
public interface VmsRepository<T, ID> extends ListCrudRepository<T, ID>, ListPagingAndSortingRepository<T, ID> {

	/**
	 * Writes the entity, replacing any existing one with the same id (an upsert).
	 * @param <S> the entity type
	 * @param entity the entity
	 * @return the given entity
	 * @throws IllegalStateException outside a handler, or in a read-only transaction
	 * @throws dev.vmodb.core.schema.IntegrityViolationException if a constraint is broken
	 */
	@Override
	<S extends T> S save(S entity);

	/**
	 * Writes a new entity.
	 * @param entity the entity
	 * @return the given entity
	 * @throws IllegalStateException outside a handler, or in a read-only transaction
	 * @throws dev.vmodb.core.schema.IntegrityViolationException if an entity with the same id exists, or a
	 * constraint is broken
	 */
	T insert(T entity);

	/**
	 * Replaces an existing entity.
	 * @param entity the entity
	 * @return the given entity
	 * @throws IllegalStateException outside a handler, or in a read-only transaction
	 * @throws dev.vmodb.core.schema.IntegrityViolationException if no entity with that id exists, or a constraint
	 * is broken
	 */
	T update(T entity);

}
