package dev.vmodb.autoconfigure.dangling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The state of the pings VMS (a VMS needs at least one entity). */
@Entity
public class PingLog {

	@Id
	private Long id;

	protected PingLog() {
	}

}
