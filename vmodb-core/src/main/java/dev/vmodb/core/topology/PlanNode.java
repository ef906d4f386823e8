package dev.vmodb.core.topology;

import java.util.List;

/**
 * One handler invocation in a transaction's DAG.
 *
 * <p>The DAG is unfolded into a tree: a handler reached along two paths (a join) appears once per path, and each
 * node has exactly one parent, the node whose event it handles. Nodes are numbered in breadth-first order, which
 * is a topological order: a parent's index is below its children's.
 *
 * @param index its place in {@link TransactionPlan#nodes()}
 * @param vms the VMS running it
 * @param handler the handler's manifest
 * @param parent the index of the node whose event it handles, or {@code -1} for a node handling the input event
 * @param step its place among the nodes of the same VMS in this plan ({@code 0..}), which fixes the order in
 * which one VMS runs several handlers of one transaction
 * @param children the indexes of the nodes handling its outbound event
 */
public record PlanNode(int index, String vms, HandlerManifest handler, int parent, int step, List<Integer> children) {

	public PlanNode {
		children = List.copyOf(children);
	}

	public boolean isRoot() {
		return this.parent < 0;
	}

	/**
	 * Whether its outbound event is a result handed to the submitter.
	 * @return whether the node emits a terminal event
	 */
	public boolean emitsResult() {
		return this.handler.outboundEvent() != null && this.handler.terminal();
	}

	@Override
	public String toString() {
		return this.vms + "." + this.handler.handler() + "(" + this.handler.inboundEvent() + ")";
	}

}
