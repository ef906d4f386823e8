package dev.vmodb.samples.baseline.messaging;

/**
 * A repository fragment that inserts new rows with {@code persist}: {@code save} on an entity with an assigned key
 * would first select it to choose between insert and merge.
 *
 * @param <T> the entity type
 */
public interface Inserts<T> {

	void insert(T entity);

}
