package dev.vmodb.core.store;

/**
 * The newest committed batch of a store and the last TID it contains.
 *
 * @param batch the batch id (0 before the first commit)
 * @param tid the last TID of that batch (0 before the first commit)
 */
public record CommitMark(long batch, long tid) {

	public static final CommitMark INITIAL = new CommitMark(0, 0);

}
