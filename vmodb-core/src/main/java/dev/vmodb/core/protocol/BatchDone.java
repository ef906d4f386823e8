package dev.vmodb.core.protocol;

import java.util.List;

/**
 * A VMS has finished its part of a batch and of every batch before it, and has sent every event it emitted in
 * them.
 *
 * @param vms the VMS
 * @param batch the batch
 * @param aborts the transactions whose handler failed here
 * @param results the terminal events its handlers emitted
 */
public record BatchDone(String vms, long batch, List<Abort> aborts, List<Result> results) {

	public BatchDone {
		aborts = List.copyOf(aborts);
		results = List.copyOf(results);
	}

}
