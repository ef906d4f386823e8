package dev.vmodb.samples.crash;

/**
 * The processes the crash test kills, one at a time.
 */
enum ProcessKind {

	/** Process B: the ledger and audit VMSs, no coordinator. */
	VMS_PROCESS("vms-process-B"),

	/** Process A: the accounts VMS and the coordinator. */
	COORDINATOR_HOLDER("coordinator-A"),

	/** The Kafka broker. */
	BROKER("broker");

	private final String label;

	ProcessKind(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
