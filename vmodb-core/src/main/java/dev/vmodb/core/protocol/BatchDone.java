package dev.vmodb.core.protocol;

import java.util.List;

/**
 * A VMS has finished its part of a batch and of every batch before it, and has sent every event it emitted in
 * them.
 *
 * @param vms the VMS
 * @param batch the batch
 * @param epoch the last re-run the VMS had applied (a {@link BatchRerun}'s epoch, or 0): a report from before
 * the latest re-run of the batch no longer counts
 * @param aborts the transactions whose handler failed here
 * @param results the terminal events its handlers emitted
 * @param readsFrom what the batch's transactions read here from transactions whose batch had no known outcome
 * here yet
 * @param tainted the batch's transactions that read here a version of a transaction already known to have
 * aborted (its batch committed without it while they ran)
 */
public record BatchDone(String vms, long batch, long epoch, List<Abort> aborts, List<Result> results,
		List<ReadFrom> readsFrom, List<Long> tainted) {

	public BatchDone {
		aborts = List.copyOf(aborts);
		results = List.copyOf(results);
		readsFrom = List.copyOf(readsFrom);
		tainted = List.copyOf(tainted);
	}

}
