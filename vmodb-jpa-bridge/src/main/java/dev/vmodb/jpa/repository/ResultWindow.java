package dev.vmodb.jpa.repository;

import java.util.ArrayList;
import java.util.List;

import dev.vmodb.jpa.mapping.EntityTable;

/**
 * The part of a sorted result a caller asked for (a page, a limit), turned into entities only for that part.
 *
 * @param from the first row, inclusive
 * @param to the last row, exclusive
 * @param total the number of rows in the whole result
 */
record ResultWindow(int from, int to, int total) {

	/**
	 * A window over a result.
	 * @param total the number of rows in the whole result
	 * @param offset the number of rows to skip
	 * @param size the most rows to return, {@link Integer#MAX_VALUE} for all
	 * @return the window, empty if the offset is past the end
	 */
	static ResultWindow of(int total, long offset, long size) {
		int from = (int) Math.min(offset, total);
		int to = (int) Math.min(from + size, total);
		return new ResultWindow(from, to, total);
	}

	boolean hasNext() {
		return this.to < this.total;
	}

	int size() {
		return this.to - this.from;
	}

	/**
	 * New entities for the rows of this window.
	 * @param <T> the entity type
	 * @param entity the entity table
	 * @param rows the whole sorted result
	 * @return the entities, each a fresh copy detached from the store
	 */
	<T> List<T> entities(EntityTable<T> entity, List<Object[]> rows) {
		List<T> entities = new ArrayList<>(size());
		for (int i = this.from; i < this.to; i++) {
			entities.add(entity.toEntity(rows.get(i)));
		}
		return entities;
	}

}
