package dev.vmodb.core.store;

import java.util.List;

import dev.vmodb.core.schema.TableSchema;

/**
 * The net effect of committed batches on one table: one entry per changed row.
 *
 * @param table the table
 * @param upserts rows to insert or replace (shared with the store: do not modify)
 * @param deletes primary keys of rows to delete
 */
public record TableChanges(TableSchema table, List<Object[]> upserts, List<Object> deletes) {

	public boolean isEmpty() {
		return this.upserts.isEmpty() && this.deletes.isEmpty();
	}

	public int size() {
		return this.upserts.size() + this.deletes.size();
	}

}
