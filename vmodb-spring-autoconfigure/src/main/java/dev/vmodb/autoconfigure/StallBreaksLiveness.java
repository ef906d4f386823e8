package dev.vmodb.autoconfigure;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;

import dev.vmodb.core.monitor.EngineListener;

/**
 * Breaks the application's liveness when one of its roles reports it can no longer make progress, so that a
 * liveness probe restarts it (and it recovers from the log). Outages of the log do not count: the roles ride them out.
 */
final class StallBreaksLiveness implements EngineListener {

	private final ApplicationEventPublisher events;

	StallBreaksLiveness(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void roleStalled(String role, String reason) {
		AvailabilityChangeEvent.publish(this.events, new Stall(role, reason), LivenessState.BROKEN);
	}

	/**
	 * The source of the liveness change: which role stalled and why.
	 * @param role the role
	 * @param reason why
	 */
	record Stall(String role, String reason) {
	}

}
