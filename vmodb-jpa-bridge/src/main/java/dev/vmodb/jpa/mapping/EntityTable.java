package dev.vmodb.jpa.mapping;

import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;

import dev.vmodb.core.schema.TableSchema;

/**
 * A JPA entity class mapped to a VMS table: converts entities to rows and back, and ids to store keys.
 *
 * <p>Built once at start-up from Hibernate's mapping model; conversions use cached method handles only.
 *
 * @param <T> the entity type
 */
public final class EntityTable<T> {

	private final Class<T> type;

	private final TableSchema schema;

	private final MethodHandle constructor;

	private final List<AttributeBinding> bindings;

	private final Class<?> idType;

	private final IdMapping id;

	private final Map<String, Integer> columnsByPath;

	private final Map<String, Class<?>> typesByPath;

	private final ValueConverter[] converters;

	EntityTable(Class<T> type, TableSchema schema, List<AttributeBinding> bindings, Class<?> idType, IdMapping id,
			Map<String, Integer> columnsByPath, Map<String, Class<?>> typesByPath, ValueConverter[] converters) {
		this.type = type;
		this.schema = schema;
		this.constructor = FieldAccess.constructor(type);
		this.bindings = List.copyOf(bindings);
		this.idType = idType;
		this.id = id;
		this.columnsByPath = Map.copyOf(columnsByPath);
		this.typesByPath = Map.copyOf(typesByPath);
		this.converters = converters;
	}

	public Class<T> type() {
		return this.type;
	}

	public TableSchema schema() {
		return this.schema;
	}

	/**
	 * The type of the entity's id as Spring Data sees it: the id attribute's type, the {@code @EmbeddedId} class or
	 * the {@code @IdClass}.
	 * @return the id type
	 */
	public Class<?> idType() {
		return this.idType;
	}

	/**
	 * The row holding an entity's state; a new array the caller owns.
	 * @param entity the entity
	 * @return the row
	 */
	public Object[] toRow(T entity) {
		Object[] row = new Object[this.schema.columns().size()];
		for (AttributeBinding binding : this.bindings) {
			binding.writeRow(entity, row);
		}
		return row;
	}

	/**
	 * A new entity holding a row's state.
	 * @param row the row
	 * @return the entity, detached from the store: changing it changes nothing until it is saved
	 */
	public T toEntity(Object[] row) {
		@SuppressWarnings("unchecked")
		T entity = (T) FieldAccess.instantiate(this.constructor);
		for (AttributeBinding binding : this.bindings) {
			binding.readRow(row, entity);
		}
		return entity;
	}

	/**
	 * The store key of an id.
	 * @param id an instance of {@link #idType()}
	 * @return the key: one value or a {@code CompositeKey}
	 */
	public Object keyOf(Object id) {
		return this.id.keyOf(id);
	}

	/**
	 * The id of an entity.
	 * @param entity the entity
	 * @return its id, or {@code null} if it has none yet
	 */
	public Object idOf(T entity) {
		return this.id.idOf(entity);
	}

	/**
	 * The column an attribute path maps to, for example {@code "sellerId"} or {@code "id.customerId"}.
	 * @param path the attribute path
	 * @return the column position, or -1 if the path maps to no column
	 */
	public int columnOf(String path) {
		return this.columnsByPath.getOrDefault(path, -1);
	}

	/**
	 * The Java type of an attribute path.
	 * @param path the attribute path
	 * @return the type, or {@code null} if the path maps to no column
	 */
	public Class<?> attributeTypeOf(String path) {
		return this.typesByPath.get(path);
	}

	/**
	 * The value a column holds for an attribute value (enums become names or ordinals).
	 * @param column the column position
	 * @param attributeValue the attribute value, for example a query argument
	 * @return the column value
	 */
	public Object toColumnValue(int column, Object attributeValue) {
		return this.converters[column].toColumn(attributeValue);
	}

	@Override
	public String toString() {
		return "EntityTable[" + this.type.getSimpleName() + " -> " + this.schema.name() + "]";
	}

}
