package dev.vmodb.benchmarks;

import java.util.List;

/**
 * One way of writing a flush of rows to the database in one transaction.
 */
interface FlushMethod extends AutoCloseable {

	/**
	 * Turns rows into what this method writes (entities, for Hibernate); not measured.
	 * @param rows the rows in column order
	 * @return the prepared flush
	 */
	Object prepare(List<Object[]> rows);

	/**
	 * Writes a prepared flush and commits it; measured.
	 * @param prepared what {@link #prepare} returned
	 * @param flushNumber the flush's sequence number, from 1
	 * @throws Exception if the write fails
	 */
	void flush(Object prepared, long flushNumber) throws Exception;

	@Override
	void close();

}
