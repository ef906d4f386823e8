package dev.vmodb.samples.demo.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;

/**
 * What the audit saw of one transfer: the debit and the credit, recorded by two handlers of one transaction.
 */
@Entity
@Table(name = "audit_entries")
public class AuditEntry {

	/** The largest amount one transfer may move; a larger one violates {@code @Max} and aborts the transfer. */
	public static final long SINGLE_TRANSFER_LIMIT = 190;

	@Id
	private Long transferId;

	private long fromAccount;

	private long toAccount;

	@Max(SINGLE_TRANSFER_LIMIT)
	private long debited;

	private long credited;

	protected AuditEntry() {
	}

	public AuditEntry(Long transferId, long fromAccount, long toAccount, long debited) {
		this.transferId = transferId;
		this.fromAccount = fromAccount;
		this.toAccount = toAccount;
		this.debited = debited;
	}

	public Long getTransferId() {
		return this.transferId;
	}

	public long getFromAccount() {
		return this.fromAccount;
	}

	public long getToAccount() {
		return this.toAccount;
	}

	public long getDebited() {
		return this.debited;
	}

	public long getCredited() {
		return this.credited;
	}

	public void setCredited(long credited) {
		this.credited = credited;
	}

}
