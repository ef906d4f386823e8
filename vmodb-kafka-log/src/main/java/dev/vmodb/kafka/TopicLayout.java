package dev.vmodb.kafka;

/**
 * The topics of one application's unified event log, all named from one prefix.
 *
 * <ul>
 * <li>{@code <prefix>.input}: submissions, the sequencer; one or more partitions.</li>
 * <li>{@code <prefix>.control}: the coordinator's decisions (topology, sealed and committed batches); one
 * partition, so its order is the order of decisions.</li>
 * <li>{@code <prefix>.done}: VMSs' reports of finished batches; one partition.</li>
 * <li>{@code <prefix>.registry}: the manifests of the VMSs each application hosts; compacted, keyed by VMS.</li>
 * <li>{@code <prefix>.events.<vms>}: deliveries to one VMS; one partition, read by that VMS alone.</li>
 * </ul>
 *
 * @param prefix the prefix
 */
public record TopicLayout(String prefix) {

	public String input() {
		return this.prefix + ".input";
	}

	public String control() {
		return this.prefix + ".control";
	}

	public String done() {
		return this.prefix + ".done";
	}

	public String registry() {
		return this.prefix + ".registry";
	}

	public String events(String vms) {
		return this.prefix + ".events." + vms;
	}

}
