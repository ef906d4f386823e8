package dev.vmodb.core.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.vmodb.core.metadata.DeclarationException;

/**
 * Every transaction type of an application, derived from its VMSs' handler declarations.
 *
 * <p>An event is consumed by every handler declaring it {@code @Inbound} (fan-out), in any VMS; a handler's
 * {@code @Outbound} event flows on to its consumers. Any event some handler consumes may be submitted as a
 * transaction's input; its plan is the DAG reachable from it. The topology is rejected when its DAGs cannot run:
 * a cycle, an emitted event nobody consumes that is not declared terminal, a terminal event somebody consumes, or
 * a DAG too large for the runtime's limits.
 */
public final class Topology {

	/** Handlers of one transaction one VMS may run: a VMS orders them in 4 bits below the TID. */
	public static final int MAX_STEPS_PER_VMS = 16;

	static final int MAX_NODES = 256;

	private final List<VmsManifest> manifests;

	private final List<String> inputEvents;

	private final Map<String, TransactionPlan> plans = new HashMap<>();

	private final List<TransactionPlan> plansByType = new ArrayList<>();

	private Topology(List<VmsManifest> manifests, Map<String, List<Consumer>> consumers) {
		this.manifests = manifests;
		this.inputEvents = List.copyOf(consumers.keySet());
		for (String event : this.inputEvents) {
			TransactionPlan plan = unfold(this.plansByType.size(), event, consumers);
			this.plans.put(event, plan);
			this.plansByType.add(plan);
		}
	}

	/**
	 * Derives the transaction types of a set of VMSs.
	 * @param manifests the VMSs
	 * @return the topology
	 * @throws DeclarationException naming the handlers and events at fault
	 */
	public static Topology of(Collection<VmsManifest> manifests) {
		List<VmsManifest> sorted = manifests.stream().sorted(Comparator.comparing(VmsManifest::vms)).toList();
		Map<String, List<Consumer>> consumers = new TreeMap<>();
		for (int i = 0; i < sorted.size(); i++) {
			VmsManifest manifest = sorted.get(i);
			if (i > 0 && sorted.get(i - 1).vms().equals(manifest.vms())) {
				throw new DeclarationException("Two VMSs are named '" + manifest.vms() + "'; VMS names must be unique");
			}
			for (HandlerManifest handler : manifest.handlers()) {
				consumers.computeIfAbsent(handler.inboundEvent(), e -> new ArrayList<>())
					.add(new Consumer(manifest.vms(), handler));
			}
		}
		checkEmittedEvents(sorted, consumers);
		checkAcyclic(consumers);
		return new Topology(sorted, consumers);
	}

	/**
	 * The manifests this topology was derived from, ordered by VMS name.
	 * @return the manifests
	 */
	public List<VmsManifest> manifests() {
		return this.manifests;
	}

	/**
	 * The events a transaction may start with, sorted; a transaction type is an index into this list.
	 * @return the input events
	 */
	public List<String> inputEvents() {
		return this.inputEvents;
	}

	/**
	 * The plan of the transactions an input event starts.
	 * @param inputEvent the event
	 * @return the plan, or {@code null} if no VMS handles the event
	 */
	public TransactionPlan plan(String inputEvent) {
		return this.plans.get(inputEvent);
	}

	/**
	 * The plan of a transaction type.
	 * @param type an index into {@link #inputEvents()}
	 * @return the plan
	 */
	public TransactionPlan plan(int type) {
		return this.plansByType.get(type);
	}

	/**
	 * Checks that the events an application submits start transactions.
	 * @param events the input events the application declares
	 * @throws DeclarationException naming the events no VMS handles
	 */
	public void requireInputs(Collection<String> events) {
		List<String> unhandled = events.stream().filter(event -> !this.plans.containsKey(event)).sorted().toList();
		if (!unhandled.isEmpty()) {
			throw new DeclarationException("No VMS handles the input event(s) " + unhandled + "; handled events: "
					+ this.inputEvents);
		}
	}

	private static void checkEmittedEvents(List<VmsManifest> manifests, Map<String, List<Consumer>> consumers) {
		List<String> problems = new ArrayList<>();
		for (VmsManifest manifest : manifests) {
			for (HandlerManifest handler : manifest.handlers()) {
				String event = handler.outboundEvent();
				if (event == null) {
					continue;
				}
				List<Consumer> consuming = consumers.getOrDefault(event, List.of());
				String producer = manifest.vms() + "." + handler.handler();
				if (consuming.isEmpty() && !handler.terminal()) {
					problems.add("event '" + event + "' emitted by " + producer + " is consumed by no VMS; "
							+ "declare it @Outbound(value = \"" + event + "\", terminal = true) if it is the "
							+ "transaction's result, or check the event name");
				}
				else if (!consuming.isEmpty() && handler.terminal()) {
					problems.add("event '" + event + "' emitted by " + producer + " is declared terminal but "
							+ consuming + " consume(s) it; a terminal event ends the transaction");
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new DeclarationException("Invalid transaction topology: " + String.join("; ", problems));
		}
	}

	/** Depth-first search over the event graph (e → f when a handler of e emits f), iterative. */
	private static void checkAcyclic(Map<String, List<Consumer>> consumers) {
		Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
		for (String start : consumers.keySet()) {
			if (state.containsKey(start)) {
				continue;
			}
			ArrayDeque<PathStep> path = new ArrayDeque<>();
			path.push(new PathStep(start, null, successors(start, consumers)));
			state.put(start, 1);
			while (!path.isEmpty()) {
				PathStep top = path.peek();
				if (top.next >= top.successors.size()) {
					state.put(top.event, 2);
					path.pop();
					continue;
				}
				Consumer via = top.successors.get(top.next++);
				String next = via.handler().outboundEvent();
				Integer seen = state.get(next);
				if (seen == null) {
					state.put(next, 1);
					path.push(new PathStep(next, via, successors(next, consumers)));
				}
				else if (seen == 1) {
					throw new DeclarationException("Transaction DAGs must be acyclic, but events flow in a cycle: "
							+ describeCycle(path, next, via));
				}
			}
		}
	}

	private static List<Consumer> successors(String event, Map<String, List<Consumer>> consumers) {
		return consumers.getOrDefault(event, List.of()).stream().filter(c -> c.handler().outboundEvent() != null).toList();
	}

	private static String describeCycle(ArrayDeque<PathStep> path, String repeated, Consumer closing) {
		List<PathStep> steps = new ArrayList<>(path);
		java.util.Collections.reverse(steps);
		StringBuilder cycle = new StringBuilder();
		boolean inCycle = false;
		for (PathStep step : steps) {
			inCycle |= step.event.equals(repeated);
			if (inCycle) {
				if (step.via != null && cycle.length() > 0) {
					cycle.append(" -> ").append(step.via).append(" -> ");
				}
				cycle.append('\'').append(step.event).append('\'');
			}
		}
		return cycle.append(" -> ").append(closing).append(" -> '").append(repeated).append('\'').toString();
	}

	private static TransactionPlan unfold(int type, String inputEvent, Map<String, List<Consumer>> consumers) {
		List<PlanNode> nodes = new ArrayList<>();
		List<List<Integer>> children = new ArrayList<>();
		List<Pending> queue = new ArrayList<>();
		consumers.get(inputEvent).forEach(c -> queue.add(new Pending(c, -1)));
		Map<String, Integer> steps = new LinkedHashMap<>();
		for (int i = 0; i < queue.size(); i++) {
			if (queue.size() > MAX_NODES) {
				throw new DeclarationException("The DAG of input event '" + inputEvent + "' has more than " + MAX_NODES
						+ " handler invocations; split the transaction");
			}
			Pending pending = queue.get(i);
			int step = steps.merge(pending.consumer.vms(), 1, Integer::sum) - 1;
			if (step >= MAX_STEPS_PER_VMS) {
				throw new DeclarationException("The DAG of input event '" + inputEvent + "' runs more than "
						+ MAX_STEPS_PER_VMS + " handlers at VMS '" + pending.consumer.vms() + "'");
			}
			nodes.add(new PlanNode(i, pending.consumer.vms(), pending.consumer.handler(), pending.parent, step, List.of()));
			children.add(new ArrayList<>());
			if (pending.parent >= 0) {
				children.get(pending.parent).add(i);
			}
			String emitted = pending.consumer.handler().outboundEvent();
			if (emitted != null) {
				for (Consumer next : consumers.getOrDefault(emitted, List.of())) {
					queue.add(new Pending(next, i));
				}
			}
		}
		List<PlanNode> linked = new ArrayList<>(nodes.size());
		for (PlanNode node : nodes) {
			linked.add(new PlanNode(node.index(), node.vms(), node.handler(), node.parent(), node.step(),
					children.get(node.index())));
		}
		return new TransactionPlan(type, inputEvent, linked);
	}

	@Override
	public String toString() {
		return "Topology" + new TreeSet<>(this.plans.keySet());
	}

	private record Consumer(String vms, HandlerManifest handler) {

		@Override
		public String toString() {
			return this.vms + "." + this.handler.handler();
		}

	}

	private record Pending(Consumer consumer, int parent) {
	}

	private static final class PathStep {

		final String event;

		final Consumer via;

		final List<Consumer> successors;

		int next;

		PathStep(String event, Consumer via, List<Consumer> successors) {
			this.event = event;
			this.via = via;
			this.successors = successors;
		}

	}

}
