package dev.vmodb.samples.demo.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What the audit saw of one transfer: the debit and the credit, recorded by two handlers of one transaction.
 */
@Entity
@Table(name = "audit_entries")
public class AuditEntry {

	@Id
	private Long transferId;

	private long debited;

	private long credited;

	protected AuditEntry() {
	}

	public AuditEntry(Long transferId, long debited, long credited) {
		this.transferId = transferId;
		this.debited = debited;
		this.credited = credited;
	}

	public Long getTransferId() {
		return this.transferId;
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
