package dev.vmodb.jpa.mapping;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.UniqueKey;

import dev.vmodb.core.metadata.DeclarationException;
import dev.vmodb.core.schema.ColumnConstraint;
import dev.vmodb.core.schema.ColumnSchema;
import dev.vmodb.core.schema.Constraints;
import dev.vmodb.core.schema.ForeignKey;
import dev.vmodb.core.schema.IndexSchema;
import dev.vmodb.core.schema.TableSchema;

/**
 * Builds {@link EntityTable}s from Hibernate's boot-time mapping model: table and column names, keys, indexes
 * and unique keys as Hibernate will create them, plus the fields' Bean Validation constraints and
 * {@link dev.vmodb.core.api.References @References} foreign keys.
 */
public final class EntityTableFactory {

	private static final Set<Class<?>> BASIC_TYPES = Set.of(String.class, Long.class, Integer.class, Short.class,
			Byte.class, Boolean.class, Double.class, Float.class, Character.class, BigDecimal.class, BigInteger.class,
			Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class, UUID.class, byte[].class);

	private final ConstraintReader constraintReader = new ConstraintReader();

	private final ReferenceReader referenceReader;

	/**
	 * Creates a factory for the entities of one VMS.
	 * @param entities Hibernate's mapping of every entity of the VMS: the ones foreign keys may reference
	 */
	public EntityTableFactory(Collection<PersistentClass> entities) {
		this.referenceReader = new ReferenceReader(entities);
	}

	/**
	 * Maps one entity.
	 * @param <T> the entity type
	 * @param entity Hibernate's mapping of the entity
	 * @return the entity table
	 * @throws DeclarationException if the entity uses a mapping vMODB does not support, naming the member
	 */
	@SuppressWarnings("unchecked")
	public <T> EntityTable<T> create(PersistentClass entity) {
		Class<T> type = (Class<T>) entity.getMappedClass();
		Builder builder = new Builder();
		IdMapping id;
		Class<?> idType;
		if (entity.getIdentifierMapper() != null) {
			List<AttributeBinding.Basic> parts = new ArrayList<>();
			for (Property property : entity.getIdentifierMapper().getProperties()) {
				AttributeBinding.Basic part = builder.basic(type, property, "", true);
				parts.add(part);
				builder.bindings.add(part);
			}
			Class<?> idClass = ((Component) entity.getIdentifier()).getComponentClass();
			idType = idClass;
			List<FieldAccess> idClassFields = parts.stream().map(p -> new FieldAccess(idClass, p.field().field.getName())).toList();
			id = new IdMapping.IdClass(FieldAccess.constructor(idType), idClassFields, parts);
		}
		else if (entity.hasEmbeddedIdentifier() || entity.getIdentifier() instanceof Component) {
			Property property = entity.getIdentifierProperty();
			if (property == null) {
				throw new DeclarationException(type.getName() + ": composite ids need @EmbeddedId or @IdClass");
			}
			AttributeBinding.Embedded embedded = builder.embedded(type, property, true);
			builder.bindings.add(embedded);
			idType = ((Component) property.getValue()).getComponentClass();
			id = new IdMapping.Embedded(embedded.field(), embedded.parts());
		}
		else {
			Property property = entity.getIdentifierProperty();
			if (property == null) {
				throw new DeclarationException(type.getName() + " has no id; annotate a field with @Id (or use "
						+ "@EmbeddedId / @IdClass for a composite key)");
			}
			AttributeBinding.Basic basic = builder.basic(type, property, "", true);
			builder.bindings.add(basic);
			idType = basic.field().field.getType();
			id = new IdMapping.Single(basic.field(), basic.converter());
		}
		List<Integer> keyColumns = new ArrayList<>(builder.columns.size());
		for (int i = 0; i < builder.columns.size(); i++) {
			keyColumns.add(i);
		}
		for (Property property : entity.getProperties()) {
			if (property.getValue() == entity.getIdentifierMapper()) {
				continue; // Hibernate's synthetic holder of the @IdClass attributes, already mapped as the key
			}
			if (property.getValue() instanceof Component) {
				builder.bindings.add(builder.embedded(type, property, false));
			}
			else {
				builder.bindings.add(builder.basic(type, property, "", false));
			}
		}
		List<IndexSchema> indexes = indexes(entity, builder);
		List<ForeignKey> foreignKeys = foreignKeys(entity, builder, indexes);
		TableSchema schema = new TableSchema(entity.getTable().getName(), builder.columns, keyColumns, indexes,
				foreignKeys);
		return new EntityTable<>(type, schema, builder.bindings, idType, id, builder.columnsByPath, builder.typesByPath,
				builder.converters.toArray(ValueConverter[]::new));
	}

	private List<IndexSchema> indexes(PersistentClass entity, Builder builder) {
		List<IndexSchema> indexes = new ArrayList<>();
		for (Index index : entity.getTable().getIndexes().values()) {
			indexes.add(new IndexSchema(index.getName(), positions(entity, builder, index.getColumns()), index.isUnique()));
		}
		for (UniqueKey unique : entity.getTable().getUniqueKeys().values()) {
			indexes.add(new IndexSchema(unique.getName(), positions(entity, builder, unique.getColumns()), true));
		}
		return indexes;
	}

	/**
	 * The foreign keys of the columns declared {@code @References}, each with an index over its column for the
	 * restrict check on parent deletes: the declared one if there is one, else an index of the store only (the
	 * database does not need it, having no foreign-key constraint to check).
	 */
	private List<ForeignKey> foreignKeys(PersistentClass entity, Builder builder, List<IndexSchema> indexes) {
		List<ForeignKey> foreignKeys = new ArrayList<>();
		builder.parentTables.forEach((column, parentTable) -> {
			int index = indexOver(indexes, column);
			if (index < 0) {
				String name = "vmodb_fk_" + entity.getTable().getName() + "_" + builder.columns.get(column).name();
				indexes.add(new IndexSchema(name, List.of(column), false));
				index = indexes.size() - 1;
			}
			foreignKeys.add(new ForeignKey(column, parentTable, index));
		});
		return foreignKeys;
	}

	private static int indexOver(List<IndexSchema> indexes, int column) {
		for (int i = 0; i < indexes.size(); i++) {
			if (indexes.get(i).columns().equals(List.of(column))) {
				return i;
			}
		}
		return -1;
	}

	private List<Integer> positions(PersistentClass entity, Builder builder, List<Column> columns) {
		List<Integer> positions = new ArrayList<>();
		for (Column column : columns) {
			Integer position = builder.positions.get(column.getName().toLowerCase(java.util.Locale.ROOT));
			if (position == null) {
				throw new DeclarationException(entity.getMappedClass().getName() + ": index column " + column.getName()
						+ " is not a column of table " + entity.getTable().getName());
			}
			positions.add(position);
		}
		return positions;
	}

	/** Accumulates columns and bindings in row order. */
	private final class Builder {

		final List<ColumnSchema> columns = new ArrayList<>();

		final List<ValueConverter> converters = new ArrayList<>();

		final List<AttributeBinding> bindings = new ArrayList<>();

		final Map<String, Integer> columnsByPath = new LinkedHashMap<>();

		final Map<String, Class<?>> typesByPath = new HashMap<>();

		final Map<String, Integer> positions = new HashMap<>();

		/** The table each {@code @References} column references, by column position. */
		final Map<Integer, String> parentTables = new LinkedHashMap<>();

		AttributeBinding.Basic basic(Class<?> owner, Property property, String pathPrefix, boolean key) {
			if (!(property.getValue() instanceof BasicValue) || property.getValue().getColumnSpan() != 1) {
				throw new DeclarationException(owner.getName() + "." + property.getName()
						+ ": associations and multi-column attributes are not supported; map the foreign key "
						+ "as a plain column holding the parent's id and declare it, for example "
						+ "@References(Customer.class) Long customerId");
			}
			FieldAccess field = new FieldAccess(owner, property.getName());
			Class<?> attributeType = boxed(field.field.getType());
			ValueConverter converter = ValueConverter.IDENTITY;
			Class<?> columnType = attributeType;
			if (attributeType.isEnum()) {
				Enumerated enumerated = field.field.getAnnotation(Enumerated.class);
				boolean byName = enumerated != null && enumerated.value() == EnumType.STRING;
				converter = ValueConverter.forEnum(attributeType, byName);
				columnType = byName ? String.class : Integer.class;
			}
			else if (!BASIC_TYPES.contains(attributeType)) {
				throw new DeclarationException(owner.getName() + "." + property.getName() + ": type "
						+ attributeType.getName() + " is not supported; use a basic type (numbers, String, "
						+ "BigDecimal, java.time, UUID, byte[], enums)");
			}
			Column column = property.getValue().getColumns().get(0);
			List<ColumnConstraint> constraints = new ArrayList<>(constraintReader.read(field.field));
			if (!column.isNullable() && !key) {
				constraints.add(Constraints.notNull());
			}
			if (columnType == String.class && column.getLength() != null) {
				// The database would refuse a longer value at checkpoint time, after commit: refuse it at write time.
				constraints.add(Constraints.size(0, column.getLength().intValue()));
			}
			int position = this.columns.size();
			String parentTable = referenceReader.parentTable(field.field, attributeType);
			if (parentTable != null) {
				this.parentTables.put(position, parentTable);
			}
			String name = column.getName();
			this.columns.add(new ColumnSchema(name, columnType, constraints));
			this.converters.add(converter);
			this.positions.put(name.toLowerCase(java.util.Locale.ROOT), position);
			String path = pathPrefix + property.getName();
			this.columnsByPath.put(path, position);
			this.typesByPath.put(path, attributeType);
			return new AttributeBinding.Basic(field, position, converter);
		}

		AttributeBinding.Embedded embedded(Class<?> owner, Property property, boolean key) {
			Component component = (Component) property.getValue();
			FieldAccess field = new FieldAccess(owner, property.getName());
			List<AttributeBinding.Basic> parts = new ArrayList<>();
			for (Property part : component.getProperties()) {
				parts.add(basic(component.getComponentClass(), part, property.getName() + ".", key));
			}
			return new AttributeBinding.Embedded(field, FieldAccess.constructor(component.getComponentClass()), parts);
		}

	}

	static Class<?> boxed(Class<?> type) {
		if (!type.isPrimitive()) {
			return type;
		}
		return switch (type.getName()) {
			case "long" -> Long.class;
			case "int" -> Integer.class;
			case "short" -> Short.class;
			case "byte" -> Byte.class;
			case "boolean" -> Boolean.class;
			case "double" -> Double.class;
			case "float" -> Float.class;
			case "char" -> Character.class;
			default -> throw new IllegalArgumentException(type.getName());
		};
	}

}
