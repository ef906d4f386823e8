package dev.vmodb.jpa.repository.integrity;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import dev.vmodb.core.api.References;

/**
 * The key of a {@link PurchaseLine}: one of its columns references the purchase.
 */
@Embeddable
public class PurchaseLineId implements Serializable {

	private static final long serialVersionUID = 1L;

	@References(Purchase.class)
	@Column(name = "purchase_id")
	private Long purchaseId;

	private Integer line;

	protected PurchaseLineId() {
	}

	public PurchaseLineId(Long purchaseId, Integer line) {
		this.purchaseId = purchaseId;
		this.line = line;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof PurchaseLineId that) && Objects.equals(this.purchaseId, that.purchaseId)
				&& Objects.equals(this.line, that.line);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.purchaseId, this.line);
	}

}
