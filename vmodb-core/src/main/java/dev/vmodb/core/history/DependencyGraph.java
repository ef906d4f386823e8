package dev.vmodb.core.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The dependency graph of a history, built once, searched for a cycle without recursion: histories hold tens of
 * thousands of transactions and a dependency path can be as long, far deeper than a thread's stack.
 */
final class DependencyGraph {

	private static final byte UNSEEN = 0;

	private static final byte ON_PATH = 1;

	private static final byte DONE = 2;

	private static final Comparator<Dependency> BY_ENDS = Comparator.comparingLong(Dependency::from)
		.thenComparingLong(Dependency::to)
		.thenComparing(Dependency::kind);

	/** The transactions, sorted; a transaction is identified by its index here. */
	private final long[] tids;

	/** The edges, grouped by source: those of node {@code n} are {@code edges[first[n]..first[n + 1])}. */
	private final Dependency[] edges;

	private final int[] first;

	/** The target node of each edge, resolved once. */
	private final int[] target;

	/**
	 * @param tids the transactions; every end of every edge must be one
	 * @param dependencies the edges
	 */
	DependencyGraph(long[] tids, Collection<Dependency> dependencies) {
		this.tids = tids.clone();
		Arrays.sort(this.tids);
		this.edges = dependencies.toArray(Dependency[]::new);
		Arrays.sort(this.edges, BY_ENDS); // grouped by source, and a deterministic search order
		this.first = new int[this.tids.length + 1];
		this.target = new int[this.edges.length];
		for (int e = 0; e < this.edges.length; e++) {
			this.first[node(this.edges[e].from()) + 1]++;
			this.target[e] = node(this.edges[e].to());
		}
		for (int n = 0; n < this.tids.length; n++) {
			this.first[n + 1] += this.first[n];
		}
	}

	/**
	 * A cycle if there is one: a shortest one through the first node found on a cycle, starting at its smallest
	 * TID.
	 * @return the edges of the cycle in order, or an empty list if the graph is acyclic
	 */
	List<Dependency> findCycle() {
		int node = nodeOnACycle();
		return (node < 0) ? List.of() : rotateToSmallestTid(shortestCycleThrough(node));
	}

	/** Depth-first search with an explicit stack; a node seen again while on the path closes a cycle. */
	private int nodeOnACycle() {
		int n = this.tids.length;
		byte[] state = new byte[n];
		int[] cursor = new int[n];
		int[] path = new int[n];
		for (int root = 0; root < n; root++) {
			if (state[root] != UNSEEN) {
				continue;
			}
			int depth = 0;
			path[depth++] = root;
			state[root] = ON_PATH;
			cursor[root] = this.first[root];
			while (depth > 0) {
				int current = path[depth - 1];
				if (cursor[current] == this.first[current + 1]) {
					state[current] = DONE;
					depth--;
					continue;
				}
				int next = this.target[cursor[current]++];
				if (state[next] == ON_PATH) {
					return next;
				}
				if (state[next] == UNSEEN) {
					state[next] = ON_PATH;
					cursor[next] = this.first[next];
					path[depth++] = next;
				}
			}
		}
		return -1;
	}

	/** Breadth-first search from a node back to itself, so the cycle reported is as short as it gets there. */
	private List<Dependency> shortestCycleThrough(int start) {
		int[] via = new int[this.tids.length];
		Arrays.fill(via, -1);
		int[] queue = new int[this.tids.length];
		int head = 0;
		int tail = 0;
		queue[tail++] = start;
		while (head < tail) {
			int current = queue[head++];
			for (int e = this.first[current]; e < this.first[current + 1]; e++) {
				int next = this.target[e];
				if (next == start) {
					return pathTo(e, via);
				}
				if (via[next] < 0 && next != start) {
					via[next] = e;
					queue[tail++] = next;
				}
			}
		}
		throw new IllegalStateException("T" + this.tids[start] + " was found on a cycle but no path leads back to it");
	}

	private List<Dependency> pathTo(int lastEdge, int[] via) {
		List<Dependency> cycle = new ArrayList<>();
		for (int e = lastEdge; e >= 0; e = via[node(this.edges[e].from())]) {
			cycle.add(this.edges[e]);
		}
		Collections.reverse(cycle);
		return cycle;
	}

	private static List<Dependency> rotateToSmallestTid(List<Dependency> cycle) {
		int smallest = 0;
		for (int i = 1; i < cycle.size(); i++) {
			if (cycle.get(i).from() < cycle.get(smallest).from()) {
				smallest = i;
			}
		}
		List<Dependency> rotated = new ArrayList<>(cycle.subList(smallest, cycle.size()));
		rotated.addAll(cycle.subList(0, smallest));
		return List.copyOf(rotated);
	}

	private int node(long tid) {
		int node = Arrays.binarySearch(this.tids, tid);
		if (node < 0) {
			throw new IllegalArgumentException("Dependency names T" + tid + ", which is not a transaction of the graph");
		}
		return node;
	}

}
