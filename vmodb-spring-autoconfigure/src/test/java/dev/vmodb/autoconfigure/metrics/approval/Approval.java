package dev.vmodb.autoconfigure.metrics.approval;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The state of the approval VMS (a VMS needs at least one entity). */
@Entity
public class Approval {

	@Id
	private Long id;

	protected Approval() {
	}

}
