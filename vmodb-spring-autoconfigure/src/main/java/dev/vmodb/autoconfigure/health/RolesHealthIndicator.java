package dev.vmodb.autoconfigure.health;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.vmodb.autoconfigure.VmodbRoles;

/**
 * Whether the roles run: out of service while they connect to the log or after they stopped, down when they
 * failed to start.
 */
final class RolesHealthIndicator implements HealthIndicator {

	private final VmodbRoles roles;

	RolesHealthIndicator(VmodbRoles roles) {
		this.roles = roles;
	}

	@Override
	public Health health() {
		VmodbRoles.State state = this.roles.state();
		return switch (state) {
			case RUNNING -> Health.up().withDetail("state", state).build();
			case STARTING, STOPPED -> Health.outOfService().withDetail("state", state).build();
			case FAILED -> {
				FailureAnalysis failure = this.roles.failure();
				yield Health.down()
					.withDetail("state", state)
					.withDetail("failure", failure.getDescription())
					.withDetail("action", failure.getAction())
					.build();
			}
		};
	}

}
