package dev.vmodb.core.topology;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vmodb.core.metadata.DeclarationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link Topology}: DAGs derived from manifests, and the topologies it rejects.
 */
class TopologyUnitTests {

	private static HandlerManifest handler(String in, String out) {
		return new HandlerManifest("H." + in, in, out, false);
	}

	private static HandlerManifest terminal(String in, String out) {
		return new HandlerManifest("H." + in, in, out, true);
	}

	private final List<VmsManifest> transfer = List.of(
			new VmsManifest("accounts", List.of(handler("transfer", "debited"), handler("deposit", null))),
			new VmsManifest("ledger", List.of(handler("debited", "credited"))),
			new VmsManifest("audit", List.of(handler("debited", null), terminal("credited", "audited"))));

	@Test
	void fanOutAndJoinUnfoldIntoATreeInBreadthFirstOrder() {
		Topology topology = Topology.of(this.transfer);
		assertThat(topology.inputEvents()).containsExactly("credited", "debited", "deposit", "transfer");
		TransactionPlan plan = topology.plan("transfer");
		assertThat(plan.nodes()).extracting(PlanNode::toString)
			.containsExactly("accounts.H.transfer(transfer)", "audit.H.debited(debited)", "ledger.H.debited(debited)",
					"audit.H.credited(credited)");
		assertThat(plan.roots()).extracting(PlanNode::vms).containsExactly("accounts");
		assertThat(plan.node(0).children()).containsExactly(1, 2);
		assertThat(plan.node(2).children()).containsExactly(3);
		assertThat(plan.node(3).parent()).isEqualTo(2);
		assertThat(plan.nodesAt("audit")).extracting(PlanNode::step).containsExactly(0, 1);
		assertThat(plan.participants()).containsExactlyInAnyOrder("accounts", "ledger", "audit");
		assertThat(plan.node(3).emitsResult()).isTrue();
		assertThat(topology.plan("deposit").participants()).containsExactly("accounts");
		assertThat(topology.plan(topology.plan("transfer").type())).isSameAs(plan);
		assertThat(topology.plan("nothing")).isNull();
	}

	@Test
	void aHandlerReachedAlongTwoPathsRunsOncePerPath() {
		Topology topology = Topology.of(List.of(new VmsManifest("a", List.of(handler("start", "x"))),
				new VmsManifest("b", List.of(handler("x", "y"))), new VmsManifest("c", List.of(handler("x", "y2"))),
				new VmsManifest("d", List.of(handler("y", null), handler("y2", null)))));
		assertThat(topology.plan("start").nodesAt("d")).hasSize(2).extracting(PlanNode::step).containsExactly(0, 1);
	}

	@Test
	void aCycleIsRejectedNamingItsEventsAndHandlers() {
		assertThatThrownBy(() -> Topology.of(List.of(new VmsManifest("a", List.of(handler("ping", "pong"))),
				new VmsManifest("b", List.of(handler("pong", "ping"))))))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("cycle")
			.hasMessageContaining("'ping'")
			.hasMessageContaining("'pong'")
			.hasMessageContaining("b.H.pong");
	}

	@Test
	void anEmittedEventNobodyConsumesMustBeTerminal() {
		assertThatThrownBy(() -> Topology.of(List.of(new VmsManifest("a", List.of(handler("ping", "pinged"))))))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("'pinged' emitted by a.H.ping is consumed by no VMS")
			.hasMessageContaining("terminal = true");
		assertThat(Topology.of(List.of(new VmsManifest("a", List.of(terminal("ping", "pinged"))))).inputEvents())
			.containsExactly("ping");
	}

	@Test
	void aTerminalEventSomebodyConsumesIsRejected() {
		assertThatThrownBy(() -> Topology.of(List.of(new VmsManifest("a", List.of(terminal("ping", "pinged"))),
				new VmsManifest("b", List.of(handler("pinged", null))))))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("declared terminal but [b.H.pinged]");
	}

	@Test
	void twoVmssWithOneNameAreRejected() {
		assertThatThrownBy(() -> Topology.of(List.of(new VmsManifest("a", List.of(handler("x", null))),
				new VmsManifest("a", List.of(handler("y", null))))))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("'a'");
	}

	@Test
	void tooManyHandlersOfOneTransactionAtOneVmsAreRejected() {
		List<HandlerManifest> fan = new java.util.ArrayList<>();
		fan.add(handler("start", "x"));
		List<VmsManifest> manifests = new java.util.ArrayList<>();
		manifests.add(new VmsManifest("a", fan));
		for (int i = 0; i <= Topology.MAX_STEPS_PER_VMS; i++) {
			manifests.add(new VmsManifest("p" + i, List.of(handler("x", "y"))));
		}
		manifests.add(new VmsManifest("sink", List.of(handler("y", null))));
		assertThatThrownBy(() -> Topology.of(manifests)).isInstanceOf(DeclarationException.class)
			.hasMessageContaining("more than 16 handlers at VMS 'sink'");
	}

	@Test
	void declaredInputsMustStartTransactions() {
		Topology topology = Topology.of(this.transfer);
		topology.requireInputs(List.of("transfer", "deposit"));
		assertThatThrownBy(() -> topology.requireInputs(List.of("transfer", "withdraw")))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("[withdraw]");
	}

}
