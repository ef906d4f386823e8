package dev.vmodb.core.history;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SerializabilityChecker} found in a history.
 *
 * @param transactions the number of committed transactions
 * @param dependencies the number of distinct dependencies of each kind
 * @param cycle a cycle of the dependency graph, edge by edge, or empty if there is none
 * @param backwardEdges the dependencies from a larger TID to a smaller one
 * @param abortedReads reads by committed transactions of versions that aborted transactions wrote
 */
public record SerializabilityReport(int transactions, Map<DependencyKind, Integer> dependencies, List<Dependency> cycle,
		List<Dependency> backwardEdges, List<History.Read> abortedReads) {

	/** Lines listed per section of {@link #describe()}; the rest are counted. */
	private static final int SHOWN = 20;

	public SerializabilityReport {
		EnumMap<DependencyKind, Integer> counts = new EnumMap<>(DependencyKind.class);
		for (DependencyKind kind : DependencyKind.values()) {
			counts.put(kind, dependencies.getOrDefault(kind, 0));
		}
		dependencies = Collections.unmodifiableMap(counts);
		cycle = List.copyOf(cycle);
		backwardEdges = List.copyOf(backwardEdges);
		abortedReads = List.copyOf(abortedReads);
	}

	/**
	 * Whether the committed transactions are serializable: no committed transaction read a version an aborted one
	 * wrote, and the dependency graph has no cycle.
	 * @return whether some serial order is equivalent to the history
	 */
	public boolean serializable() {
		return this.cycle.isEmpty() && this.abortedReads.isEmpty();
	}

	/**
	 * The stronger guarantee: running the committed transactions one by one in TID order is equivalent to the
	 * history, because no dependency points backwards.
	 * @return whether the history is serializable in TID order
	 */
	public boolean serialInTidOrder() {
		return serializable() && this.backwardEdges.isEmpty();
	}

	/**
	 * The number of distinct dependencies.
	 * @return the number of edges of the graph
	 */
	public int dependencyCount() {
		return this.dependencies.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * The verdict and, when it is not clean, the cycle, the backward dependencies and the aborted reads, a line
	 * each (long lists are cut).
	 * @return the description
	 */
	public String describe() {
		StringBuilder text = new StringBuilder();
		text.append(serialInTidOrder() ? "Serializable in TID order"
				: serializable() ? "Serializable, but not in TID order" : "NOT serializable");
		text.append(": ").append(this.transactions).append(" committed transactions, ").append(dependencyCount())
			.append(" dependencies ").append(this.dependencies).append('.');
		if (!this.cycle.isEmpty()) {
			text.append("\nCycle through ").append(this.cycle.size()).append(" transactions:");
			list(text, this.cycle);
		}
		if (!this.backwardEdges.isEmpty()) {
			text.append('\n').append(this.backwardEdges.size()).append(" dependencies point backwards in TID order:");
			list(text, this.backwardEdges);
		}
		if (!this.abortedReads.isEmpty()) {
			text.append('\n').append(this.abortedReads.size())
				.append(" reads by committed transactions saw versions of aborted ones:");
			list(text, this.abortedReads);
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return describe();
	}

	private static void list(StringBuilder text, List<?> lines) {
		for (Object line : lines.subList(0, Math.min(SHOWN, lines.size()))) {
			text.append("\n  ").append(line);
		}
		if (lines.size() > SHOWN) {
			text.append("\n  ... and ").append(lines.size() - SHOWN).append(" more");
		}
	}

}
