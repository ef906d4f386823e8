package dev.vmodb.samples.crash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

	/**
	 * The kinds a comma-separated list names, by label or constant name ({@code vms-process-B,broker}).
	 * @param list the list
	 * @return the kinds, in list order
	 */
	static List<ProcessKind> parse(String list) {
		List<ProcessKind> kinds = new ArrayList<>();
		for (String name : list.split(",")) {
			String wanted = name.trim();
			kinds.add(Arrays.stream(values())
				.filter(kind -> kind.label.equalsIgnoreCase(wanted) || kind.name().equalsIgnoreCase(wanted))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No process kind '" + wanted + "'; kinds: "
						+ Arrays.stream(values()).map(ProcessKind::label).toList())));
		}
		return kinds;
	}

}
