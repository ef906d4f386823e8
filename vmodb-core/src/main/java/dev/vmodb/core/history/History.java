package dev.vmodb.core.history;

import java.util.List;
import java.util.Set;

/**
 * An immutable record of what transactions did: the versions they read, the keys they wrote, the handlers VMSs
 * started, and which transactions aborted.
 *
 * <p>Reads and writes carry TIDs only, which is enough: a key's versions are ordered by the TIDs that wrote them,
 * so the order of events does not matter and is not kept across threads. Handler starts keep the order in which
 * they were recorded, since that order is what {@link ApplyOrderChecker} checks.
 *
 * @param reads the reads, in no particular order across threads
 * @param writes the writes and deletions; a transaction's own writes to a key in the order it made them
 * @param applied the handler starts, in the order they were recorded
 * @param aborted the TIDs of transactions that did not commit
 */
public record History(List<Read> reads, List<Write> writes, List<Applied> applied, Set<Long> aborted) {

	public History {
		reads = List.copyOf(reads);
		writes = List.copyOf(writes);
		applied = List.copyOf(applied);
		aborted = Set.copyOf(aborted);
	}

	/**
	 * A transaction read a key and saw the version a TID wrote.
	 * @param vms the VMS
	 * @param table the table
	 * @param key the primary key
	 * @param readerTid the reader
	 * @param versionTid the writer of the version seen (a row or a deletion), {@code 0} when the key had none
	 */
	public record Read(String vms, String table, Object key, long readerTid, long versionTid) {

		@Override
		public String toString() {
			return "T" + this.readerTid + " read " + Dependency.item(this.vms, this.table, this.key) + " version "
					+ ((this.versionTid != 0) ? "T" + this.versionTid : "none");
		}

	}

	/**
	 * A transaction wrote or deleted a key.
	 * @param vms the VMS
	 * @param table the table
	 * @param key the primary key
	 * @param writerTid the writer
	 * @param deletion whether the write was a deletion
	 */
	public record Write(String vms, String table, Object key, long writerTid, boolean deletion) {

		@Override
		public String toString() {
			return "T" + this.writerTid + (this.deletion ? " deleted " : " wrote ")
					+ Dependency.item(this.vms, this.table, this.key);
		}

	}

	/**
	 * A VMS started a handler of a transaction.
	 * @param vms the VMS
	 * @param tid the transaction
	 * @param handler the handler's name
	 */
	public record Applied(String vms, long tid, String handler) {

		@Override
		public String toString() {
			return this.vms + " started T" + this.tid + " (" + this.handler + ")";
		}

	}

}
