package dev.vmodb.jpa.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.vmodb.core.schema.IndexSchema;
import dev.vmodb.core.schema.TableSchema;

/**
 * Chooses how an {@code Or} branch finds its rows, from the conditions a hash lookup can answer.
 *
 * <p>In order of preference: equalities on every primary-key column (a point read); the same with one key column
 * given by {@code In} instead (one point read per value); equalities on every column of a secondary index, the
 * index with the most columns winning (an index lookup); else a scan. Conditions the access path answers are not
 * checked again; all others filter the rows it finds.
 */
final class BranchPlanner {

	private final TableSchema schema;

	BranchPlanner(TableSchema schema) {
		this.schema = schema;
	}

	Branch plan(List<CompiledPart> parts) {
		int[] equalitySlot = slotsByColumn(parts, false);
		int[] inSlot = slotsByColumn(parts, true);
		Set<Integer> usedSlots = new HashSet<>();
		AccessPath access = primaryKey(equalitySlot, usedSlots);
		if (access == null) {
			access = primaryKeyIn(equalitySlot, inSlot, usedSlots);
		}
		if (access == null) {
			access = index(equalitySlot, usedSlots);
		}
		if (access == null) {
			access = new AccessPath.FullScan();
		}
		List<Condition> filters = new ArrayList<>();
		List<String> descriptions = new ArrayList<>();
		for (CompiledPart part : parts) {
			// only one-argument parts can be answered by the access path, so their slots identify them
			boolean answered = (part.hashEquality() || part.hashIn()) && usedSlots.contains(part.slot());
			if (!answered) {
				filters.add(part.condition());
				descriptions.add(part.description());
			}
		}
		return new Branch(access, filters, descriptions);
	}

	private AccessPath primaryKey(int[] equalitySlot, Set<Integer> usedSlots) {
		List<Integer> key = this.schema.keyColumns();
		if (!covered(key, equalitySlot)) {
			return null;
		}
		int[] slots = slots(key, equalitySlot);
		Arrays.stream(slots).forEach(usedSlots::add);
		return new AccessPath.PrimaryKey(slots, columnNames(key));
	}

	private AccessPath primaryKeyIn(int[] equalitySlot, int[] inSlot, Set<Integer> usedSlots) {
		List<Integer> key = this.schema.keyColumns();
		int inPosition = -1;
		for (int i = 0; i < key.size(); i++) {
			int column = key.get(i);
			if (equalitySlot[column] >= 0) {
				continue;
			}
			if (inSlot[column] < 0 || inPosition >= 0) {
				return null;
			}
			inPosition = i;
		}
		int[] slots = new int[key.size()];
		for (int i = 0; i < slots.length; i++) {
			slots[i] = (i == inPosition) ? inSlot[key.get(i)] : equalitySlot[key.get(i)];
			usedSlots.add(slots[i]);
		}
		return new AccessPath.PrimaryKeyIn(slots, inPosition, columnNames(key),
				this.schema.columns().get(key.get(inPosition)).name());
	}

	private AccessPath index(int[] equalitySlot, Set<Integer> usedSlots) {
		int best = -1;
		List<IndexSchema> indexes = this.schema.indexes();
		for (int i = 0; i < indexes.size(); i++) {
			if (covered(indexes.get(i).columns(), equalitySlot)
					&& (best < 0 || indexes.get(i).columns().size() > indexes.get(best).columns().size())) {
				best = i;
			}
		}
		if (best < 0) {
			return null;
		}
		IndexSchema index = indexes.get(best);
		int[] slots = slots(index.columns(), equalitySlot);
		Arrays.stream(slots).forEach(usedSlots::add);
		return new AccessPath.Index(best, index.name(), slots, columnNames(index.columns()));
	}

	/** Per column, the slot of the first hash-answerable equality (or {@code In}) on it, or -1. */
	private int[] slotsByColumn(List<CompiledPart> parts, boolean in) {
		int[] slots = new int[this.schema.columns().size()];
		Arrays.fill(slots, -1);
		for (CompiledPart part : parts) {
			boolean eligible = in ? part.hashIn() : part.hashEquality();
			if (eligible && slots[part.column()] < 0) {
				slots[part.column()] = part.slot();
			}
		}
		return slots;
	}

	private static boolean covered(List<Integer> columns, int[] slotByColumn) {
		for (int column : columns) {
			if (slotByColumn[column] < 0) {
				return false;
			}
		}
		return true;
	}

	private static int[] slots(List<Integer> columns, int[] slotByColumn) {
		return columns.stream().mapToInt(column -> slotByColumn[column]).toArray();
	}

	private String columnNames(List<Integer> columns) {
		return columns.stream().map(column -> this.schema.columns().get(column).name()).collect(Collectors.joining(", "));
	}

}
