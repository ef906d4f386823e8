package dev.vmodb.autoconfigure.metrics.approval;

import dev.vmodb.autoconfigure.metrics.shelf.ShelfService.PutDone;
import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;

/** Vetoes a put after the shelf has written it: the abort reaches the shelf only through the coordinator. */
@VirtualMicroservice("approval")
public class ApprovalService {

	@Inbound("put_done")
	public void approve(PutDone event) {
		VmsTransaction.abortIf(event.veto(), "vetoed");
	}

}
