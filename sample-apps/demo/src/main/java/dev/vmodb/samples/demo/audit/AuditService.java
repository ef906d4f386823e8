package dev.vmodb.samples.demo.audit;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.demo.events.TransferEvents.Credited;
import dev.vmodb.samples.demo.events.TransferEvents.Debited;
import dev.vmodb.samples.demo.events.TransferEvents.TransferAudited;

/**
 * The audit VMS: joins the two branches of a transfer. It receives {@code debited} from accounts and
 * {@code credited} from ledger in the same transaction, always in that order. It enforces two compliance rules: a
 * transfer over {@link AuditEntry#SINGLE_TRANSFER_LIMIT} aborts on the debit branch (a constraint), and a transfer to
 * the owner's own ledger account aborts at the join (an explicit abort). Either way the whole transfer aborts, in the
 * accounts and ledger VMSs too.
 */
@VirtualMicroservice("audit")
public class AuditService {

	private final AuditEntryRepository entries;

	public AuditService(AuditEntryRepository entries) {
		this.entries = entries;
	}

	@Inbound("debited")
	public void noteDebit(Debited event) {
		this.entries.insert(new AuditEntry(event.transferId(), event.from(), event.to(), event.amount()));
	}

	@Inbound("credited")
	@Outbound(value = "transfer_audited", terminal = true)
	public TransferAudited noteCredit(Credited event) {
		AuditEntry entry = this.entries.findById(event.transferId())
			.orElseThrow(() -> new IllegalStateException("credit of transfer " + event.transferId() + " before its debit"));
		if (entry.getFromAccount() == entry.getToAccount()) {
			VmsTransaction.abort("transfer " + event.transferId() + " moves money to its owner's own ledger account");
		}
		entry.setCredited(event.amount());
		this.entries.save(entry);
		return new TransferAudited(event.transferId(), event.amount(), event.balance());
	}

}
