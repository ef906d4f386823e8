package dev.vmodb.core.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DAG of one transaction type, identified by its input event: which VMS runs which handler, in which order.
 */
public final class TransactionPlan {

	private final int type;

	private final String inputEvent;

	private final List<PlanNode> nodes;

	private final Map<String, List<PlanNode>> nodesByVms;

	TransactionPlan(int type, String inputEvent, List<PlanNode> nodes) {
		this.type = type;
		this.inputEvent = inputEvent;
		this.nodes = List.copyOf(nodes);
		Map<String, List<PlanNode>> byVms = new LinkedHashMap<>();
		for (PlanNode node : nodes) {
			byVms.computeIfAbsent(node.vms(), vms -> new ArrayList<>()).add(node);
		}
		byVms.replaceAll((vms, list) -> List.copyOf(list));
		this.nodesByVms = Collections.unmodifiableMap(byVms);
	}

	/**
	 * The transaction type: this plan's index in {@link Topology#inputEvents()}, which batches record per TID.
	 * @return the type
	 */
	public int type() {
		return this.type;
	}

	public String inputEvent() {
		return this.inputEvent;
	}

	/**
	 * Every node, in topological (breadth-first) order.
	 * @return the nodes
	 */
	public List<PlanNode> nodes() {
		return this.nodes;
	}

	public PlanNode node(int index) {
		return this.nodes.get(index);
	}

	/**
	 * The nodes handling the input event.
	 * @return the roots
	 */
	public List<PlanNode> roots() {
		return this.nodes.stream().filter(PlanNode::isRoot).toList();
	}

	/**
	 * The VMSs this transaction type touches.
	 * @return their names
	 */
	public Set<String> participants() {
		return this.nodesByVms.keySet();
	}

	/**
	 * The nodes a VMS runs, in the order it runs them.
	 * @param vms the VMS name
	 * @return its nodes, empty if the transaction does not touch it
	 */
	public List<PlanNode> nodesAt(String vms) {
		return this.nodesByVms.getOrDefault(vms, List.of());
	}

	@Override
	public String toString() {
		return this.inputEvent + " " + this.nodes;
	}

}
