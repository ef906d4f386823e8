package dev.vmodb.kafka.embedded;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.server.fault.FaultHandlerException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of the embedded broker are logged and remembered; none halts the JVM (this test would not finish).
 */
class RecordingFaultHandlersUnitTests {

	/** Its own logger, off in logback-test.xml: these faults are expected. */
	private final RecordingFaultHandlers handlers = new RecordingFaultHandlers(
			LoggerFactory.getLogger("dev.vmodb.kafka.embedded.expected-faults"));

	@Test
	void fatalFaultRunsItsActionAndIsRemembered() {
		AtomicInteger actions = new AtomicInteger();
		IllegalStateException cause = new IllegalStateException("corrupt record");

		RuntimeException returned = this.handlers.build("metadata loading", true, actions::incrementAndGet)
			.handleFault("cannot apply record", cause);

		assertThat(actions).hasValue(1);
		assertThat(returned).isInstanceOf(FaultHandlerException.class).hasCause(cause);
		assertThat(this.handlers.firstFatalFault()).isSameAs(returned)
			.hasMessage("metadata loading: cannot apply record");
	}

	@Test
	void onlyTheFirstFatalFaultIsKept() {
		RuntimeException first = this.handlers.build("raft manager", true, () -> { }).handleFault("first");
		this.handlers.build("quorum controller", true, () -> { }).handleFault("second");

		assertThat(this.handlers.firstFatalFault()).isSameAs(first);
	}

	@Test
	void nonFatalFaultIsNotKept() {
		RuntimeException returned = this.handlers.build("metadata publishing", false, () -> { })
			.handleFault("one publisher failed");

		assertThat(returned).isInstanceOf(FaultHandlerException.class);
		assertThat(this.handlers.firstFatalFault()).isNull();
	}

	@Test
	void failingActionDoesNotHideTheFault() {
		RuntimeException returned = this.handlers.build("controller startup", true, () -> {
			throw new IllegalStateException("metrics gone");
		}).handleFault("cannot start");

		assertThat(returned).hasMessage("controller startup: cannot start");
		assertThat(this.handlers.firstFatalFault()).isSameAs(returned);
	}

}
