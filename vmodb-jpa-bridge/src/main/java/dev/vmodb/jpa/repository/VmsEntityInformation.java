package dev.vmodb.jpa.repository;

import org.springframework.data.repository.core.EntityInformation;

import dev.vmodb.jpa.mapping.EntityTable;

/**
 * What Spring Data needs to know about an entity, read from its {@link EntityTable}.
 *
 * @param <T> the entity type
 * @param <ID> the id type
 */
final class VmsEntityInformation<T, ID> implements EntityInformation<T, ID> {

	private final EntityTable<T> entity;

	VmsEntityInformation(EntityTable<T> entity) {
		this.entity = entity;
	}

	/** An entity is new when it has no id yet; a VMS assigns no ids, so saving such an entity fails. */
	@Override
	public boolean isNew(T entity) {
		return getId(entity) == null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public ID getId(T entity) {
		return (ID) this.entity.idOf(entity);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Class<ID> getIdType() {
		return (Class<ID>) this.entity.idType();
	}

	@Override
	public Class<T> getJavaType() {
		return this.entity.type();
	}

}
