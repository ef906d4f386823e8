package dev.vmodb.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.List;

import dev.vmodb.core.topology.PlanNode;
import dev.vmodb.core.topology.TransactionPlan;

/**
 * The DAG of one transaction type, as the endpoint shows it.
 *
 * @param inputEvent the event that starts it
 * @param nodes its handler invocations, in topological order
 * @param edges which node's event each node handles
 * @param terminalEvents the events handed back to the submitter
 */
public record TransactionDescriptor(String inputEvent, List<Node> nodes, List<Edge> edges, List<String> terminalEvents) {

	static TransactionDescriptor of(TransactionPlan plan) {
		List<Node> nodes = new ArrayList<>();
		List<Edge> edges = new ArrayList<>();
		List<String> terminal = new ArrayList<>();
		for (PlanNode node : plan.nodes()) {
			nodes.add(new Node(node.index(), node.vms(), node.handler().handler(), node.handler().inboundEvent(),
					node.handler().outboundEvent()));
			if (!node.isRoot()) {
				edges.add(new Edge(node.parent(), node.index(), node.handler().inboundEvent()));
			}
			if (node.handler().terminal() && !terminal.contains(node.handler().outboundEvent())) {
				terminal.add(node.handler().outboundEvent());
			}
		}
		return new TransactionDescriptor(plan.inputEvent(), nodes, edges, terminal);
	}

	/**
	 * A handler invocation.
	 * @param index its number in the DAG
	 * @param vms the VMS running it
	 * @param handler the handler
	 * @param inboundEvent the event it handles
	 * @param outboundEvent the event it emits, or {@code null}
	 */
	public record Node(int index, String vms, String handler, String inboundEvent, String outboundEvent) {
	}

	/**
	 * An event passed from one handler invocation to another.
	 * @param from the emitting node
	 * @param to the handling node
	 * @param event the event
	 */
	public record Edge(int from, int to, String event) {
	}

}
