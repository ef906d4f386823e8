package dev.vmodb.autoconfigure.metrics.shelf;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;

/**
 * A VMS whose writes another VMS may veto after they were made: a transaction that read a vetoed write runs again,
 * which is how the tests cause a batch re-run.
 */
@VirtualMicroservice("shelf")
public class ShelfService {

	private final SlotRepository slots;

	public ShelfService(SlotRepository slots) {
		this.slots = slots;
	}

	@Inbound("put")
	@Outbound("put_done")
	public PutDone put(Put event) {
		this.slots.save(new Slot(event.slot(), event.amount()));
		return new PutDone(event.slot(), event.veto());
	}

	@Inbound("peek")
	@Outbound(value = "peeked", terminal = true)
	public Peeked peek(Peek event) {
		return new Peeked(this.slots.findById(event.slot()).map(Slot::getAmount).orElse(0L));
	}

	public record Put(long slot, long amount, boolean veto) {
	}

	public record PutDone(long slot, boolean veto) {
	}

	public record Peek(long slot) {
	}

	public record Peeked(long amount) {
	}

}
