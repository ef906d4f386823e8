package dev.vmodb.core.protocol;

import java.util.List;

/**
 * The commit point of a batch: once this record is in the control log, the batch's transactions are committed
 * (the aborted ones listed here excepted) and every VMS may make them visible.
 *
 * @param batch the batch id
 * @param lastTid its last TID
 * @param aborts the transactions that aborted, in TID order
 * @param results the terminal events of its transactions, in TID order
 * @param repeats the outcomes of its transactions that repeated an earlier idempotency key, in TID order: they ran
 * nowhere, and their submitters get the earlier outcome
 */
public record BatchCommitted(long batch, long lastTid, List<Abort> aborts, List<Result> results, List<Repeat> repeats)
		implements ControlRecord {

	public BatchCommitted {
		aborts = List.copyOf(aborts);
		results = List.copyOf(results);
		repeats = List.copyOf(repeats);
	}

	/**
	 * A commit decision without repeated idempotency keys.
	 * @param batch the batch id
	 * @param lastTid its last TID
	 * @param aborts the transactions that aborted, in TID order
	 * @param results the terminal events of its transactions, in TID order
	 */
	public BatchCommitted(long batch, long lastTid, List<Abort> aborts, List<Result> results) {
		this(batch, lastTid, aborts, results, List.of());
	}

}
