package dev.vmodb.jpa.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.vmodb.core.schema.ForeignKey;
import dev.vmodb.core.schema.IntegrityViolationException;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;

/**
 * Enforces the foreign keys that involve one table, at the writer's TID: a row written must name parent rows that
 * exist, and a row deleted must not be referenced by a visible row (restrict).
 *
 * <p>Every lookup goes through {@link VersionedTable#read} and {@link VersionedTable#forEachIndexed}, so the store
 * sees the reads a check makes as reads of the writing transaction: whether the write succeeds depends on them.
 * A table that no foreign key involves pays nothing.
 */
public final class ForeignKeyChecks {

	private final TableSchema schema;

	private final List<Parent> parents;

	private final List<Child> children;

	private ForeignKeyChecks(TableSchema schema, List<Parent> parents, List<Child> children) {
		this.schema = schema;
		this.parents = parents;
		this.children = children;
	}

	/**
	 * The checks for one table of a store: its own foreign keys, and those of the store's tables that reference it.
	 * @param store the VMS's store, holding every table a foreign key may involve
	 * @param table the table written
	 * @return the checks
	 */
	public static ForeignKeyChecks of(VersionedStore store, VersionedTable table) {
		TableSchema schema = table.schema();
		List<Parent> parents = new ArrayList<>();
		for (ForeignKey foreignKey : schema.foreignKeys()) {
			parents.add(new Parent(foreignKey, store.table(foreignKey.parentTable())));
		}
		List<Child> children = new ArrayList<>();
		for (VersionedTable other : store.tables()) {
			for (ForeignKey foreignKey : other.schema().foreignKeys()) {
				if (foreignKey.parentTable().equalsIgnoreCase(schema.name())) {
					children.add(new Child(foreignKey, other));
				}
			}
		}
		return new ForeignKeyChecks(schema, List.copyOf(parents), List.copyOf(children));
	}

	/**
	 * Checks that every non-null foreign-key value of a row about to be written names a parent row visible at the
	 * writer's TID. A row may reference itself.
	 * @param row the row about to be inserted, updated or upserted
	 * @param tid the writer's TID
	 * @throws IntegrityViolationException naming the foreign key and the missing key
	 */
	public void checkWrite(Object[] row, long tid) {
		for (Parent parent : this.parents) {
			ForeignKey foreignKey = parent.foreignKey();
			Object value = row[foreignKey.column()];
			if (value == null || (parent.table().schema() == this.schema && value.equals(this.schema.keyOf(row)))) {
				continue;
			}
			if (parent.table().read(value, tid) == null) {
				throw new IntegrityViolationException(this.schema.name(), columnName(this.schema, foreignKey),
						foreignKey.describe(this.schema) + ": no row with key " + value);
			}
		}
	}

	/**
	 * Checks that no row visible at the writer's TID references a row about to be deleted. A row referencing only
	 * itself does not hold its own deletion back.
	 * @param key the primary key of the row about to be deleted
	 * @param tid the writer's TID
	 * @throws IntegrityViolationException naming the foreign key and a referencing row
	 */
	public void checkDelete(Object key, long tid) {
		for (Child child : this.children) {
			ForeignKey foreignKey = child.foreignKey();
			TableSchema childSchema = child.table().schema();
			boolean self = childSchema == this.schema;
			Object[] referencing = new Object[1];
			// the whole index entry is visited even after a match: every candidate looked at is a read of the writer
			child.table().forEachIndexed(foreignKey.index(), key, tid, row -> {
				if (referencing[0] == null && !(self && Objects.equals(childSchema.keyOf(row), key))) {
					referencing[0] = childSchema.keyOf(row);
				}
			});
			if (referencing[0] != null) {
				throw new IntegrityViolationException(this.schema.name(), foreignKey.describe(childSchema)
						+ ": cannot delete the row with key " + key + " of " + this.schema.name() + ", row "
						+ referencing[0] + " of " + childSchema.name() + " still references it; delete or update "
						+ "that row first");
			}
		}
	}

	private static String columnName(TableSchema schema, ForeignKey foreignKey) {
		return schema.columns().get(foreignKey.column()).name();
	}

	/** A foreign key of the table and the table it references. */
	private record Parent(ForeignKey foreignKey, VersionedTable table) {
	}

	/** A foreign key of another table (or of this one) that references the table. */
	private record Child(ForeignKey foreignKey, VersionedTable table) {
	}

}
