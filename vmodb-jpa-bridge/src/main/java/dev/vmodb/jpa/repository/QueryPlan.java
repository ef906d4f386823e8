package dev.vmodb.jpa.repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.VersionedTable;

/**
 * The compiled predicate of a derived query: its {@code Or} branches, each with its access path.
 *
 * <p>Built once when the repository is created; running it does no parsing and no reflection. A row matched by
 * several branches is returned once.
 */
final class QueryPlan {

	private final TableSchema schema;

	private final Branch[] branches;

	QueryPlan(TableSchema schema, List<Branch> branches) {
		this.schema = schema;
		this.branches = branches.toArray(Branch[]::new);
	}

	/**
	 * The matching rows visible at a TID, in no particular order.
	 * @param table the table's versions
	 * @param tid the reader's TID
	 * @param args the call's bound arguments
	 * @return the rows; shared with the store, so they must not be modified
	 */
	List<Object[]> collect(VersionedTable table, long tid, Object[] args) {
		List<Object[]> rows = new ArrayList<>();
		if (this.branches.length == 1) {
			this.branches[0].forEachMatch(table, tid, args, rows::add);
			return rows;
		}
		Set<Object> seen = new HashSet<>();
		for (Branch branch : this.branches) {
			branch.forEachMatch(table, tid, args, row -> {
				if (seen.add(this.schema.keyOf(row))) {
					rows.add(row);
				}
			});
		}
		return rows;
	}

	/**
	 * The number of matching rows visible at a TID.
	 * @param table the table's versions
	 * @param tid the reader's TID
	 * @param args the call's bound arguments
	 * @return the count
	 */
	long count(VersionedTable table, long tid, Object[] args) {
		if (this.branches.length > 1) {
			return collect(table, tid, args).size();
		}
		long[] count = new long[1];
		this.branches[0].forEachMatch(table, tid, args, row -> count[0]++);
		return count[0];
	}

	/**
	 * Whether any row visible at a TID matches; stops at the first match.
	 * @param table the table's versions
	 * @param tid the reader's TID
	 * @param args the call's bound arguments
	 * @return whether a row matches
	 */
	boolean exists(VersionedTable table, long tid, Object[] args) {
		try {
			for (Branch branch : this.branches) {
				branch.forEachMatch(table, tid, args, row -> {
					throw ScanStop.INSTANCE;
				});
			}
			return false;
		}
		catch (ScanStop found) {
			return true;
		}
	}

	/**
	 * How each branch finds its rows, in branch order.
	 * @return descriptions such as {@code "primary key (id)"}, {@code "index orders_seller_idx (seller_id)"} or
	 * {@code "full scan"}
	 */
	List<String> accessPaths() {
		List<String> paths = new ArrayList<>(this.branches.length);
		for (Branch branch : this.branches) {
			paths.add(branch.access().describe());
		}
		return paths;
	}

	@Override
	public String toString() {
		List<String> described = new ArrayList<>(this.branches.length);
		for (Branch branch : this.branches) {
			described.add(branch.toString());
		}
		return this.schema.name() + ": " + String.join(" | or | ", described);
	}

}
