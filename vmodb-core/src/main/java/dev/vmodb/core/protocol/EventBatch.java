package dev.vmodb.core.protocol;

import java.util.List;

/**
 * One record of a VMS's event log: deliveries from one producer (a VMS, or the coordinator for input events)
 * for transactions of one batch.
 *
 * @param producer the producing VMS, or {@code ""} for the coordinator
 * @param batch the batch of every delivery in it
 * @param epoch the last re-run (a {@link BatchRerun}'s epoch, or 0) the producer had applied when it ran them;
 * input events from the coordinator always carry 0, because a re-run starts from the same inputs
 * @param deliveries the deliveries, in the producer's order
 */
public record EventBatch(String producer, long batch, long epoch, List<Delivery> deliveries) {

	public EventBatch {
		deliveries = List.copyOf(deliveries);
	}

}
