package dev.vmodb.samples.demo.audit;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.samples.demo.events.TransferEvents.Credited;
import dev.vmodb.samples.demo.events.TransferEvents.Debited;
import dev.vmodb.samples.demo.events.TransferEvents.TransferAudited;

/**
 * The audit VMS: joins the two branches of a transfer. It receives {@code debited} from accounts and
 * {@code credited} from ledger in the same transaction, always in that order.
 */
@VirtualMicroservice("audit")
public class AuditService {

	private final AuditEntryRepository entries;

	public AuditService(AuditEntryRepository entries) {
		this.entries = entries;
	}

	@Inbound("debited")
	public void noteDebit(Debited event) {
		this.entries.insert(new AuditEntry(event.transferId(), event.amount(), 0));
	}

	@Inbound("credited")
	@Outbound(value = "transfer_audited", terminal = true)
	public TransferAudited noteCredit(Credited event) {
		AuditEntry entry = this.entries.findById(event.transferId())
			.orElseThrow(() -> new IllegalStateException("credit of transfer " + event.transferId() + " before its debit"));
		entry.setCredited(event.amount());
		this.entries.save(entry);
		return new TransferAudited(event.transferId(), event.amount(), event.balance());
	}

}
