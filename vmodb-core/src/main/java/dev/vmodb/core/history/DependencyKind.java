package dev.vmodb.core.history;

/**
 * Why one committed transaction must come before another in any equivalent serial order. Together the three kinds
 * are the conflicts between two transactions on one key (two reads never conflict): if the graph they form has no
 * cycle, running the transactions one by one in any topological order gives every transaction the same reads and
 * leaves the same final versions, so the history is serializable.
 */
public enum DependencyKind {

	/**
	 * Write-read: the reader saw the version the writer wrote, so the writer must come first. Without it, a
	 * history where a transaction sees a value that, serially, would not exist yet would pass.
	 */
	WR,

	/**
	 * Write-write: the second writer replaced the first one's version. Versions of a key are ordered by TID, so
	 * successive writers by TID are linked; WW edges therefore never point backwards, but they close cycles such as
	 * a lost update (two transactions read one version and both write the key).
	 */
	WW,

	/**
	 * Read-write (anti-dependency): the reader saw a version that the writer then replaced, so the reader must
	 * come before the writer, or it would have seen the newer version. This is the edge that catches stale reads,
	 * write skew and reads of absent keys that a later insert fills: without it a transaction could miss an
	 * earlier transaction's write unnoticed.
	 */
	RW

}
