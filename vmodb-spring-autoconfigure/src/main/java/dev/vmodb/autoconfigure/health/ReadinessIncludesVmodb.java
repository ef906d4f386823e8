package dev.vmodb.autoconfigure.health;

import java.util.List;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Makes the {@code vmodb} contributor a member of the {@code readiness} group, so a readiness probe refuses traffic
 * while the roles start, a VMS replays or the log does not take writes. Liveness is left alone: a log outage must
 * not restart every pod; a role that can no longer make progress breaks liveness through Boot's availability state
 * instead. An application that configures the readiness group's members itself
 * ({@code management.endpoint.health.group.readiness.include}) keeps exactly those.
 */
// runs after Boot's probes post-processor (same order, registered earlier), which creates the readiness group
@Order(Ordered.LOWEST_PRECEDENCE)
final class ReadinessIncludesVmodb implements HealthEndpointGroupsPostProcessor {

	static final String READINESS = "readiness";

	static final String MEMBER = "vmodb";

	/** The property with which an application names the readiness group's members itself. */
	static final String INCLUDE = "management.endpoint.health.group.readiness.include";

	private final Environment environment;

	ReadinessIncludesVmodb(Environment environment) {
		this.environment = environment;
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		HealthEndpointGroup readiness = groups.get(READINESS);
		if (readiness == null || readiness.isMember(MEMBER) || this.environment.containsProperty(INCLUDE)) {
			return groups;
		}
		return new Groups(groups, new WithVmodb(readiness));
	}

	/** The groups with the readiness group replaced, keeping the additional paths ({@code /readyz}) they map. */
	private record Groups(HealthEndpointGroups groups, HealthEndpointGroup readiness)
			implements HealthEndpointGroups, AdditionalPathsMapper {

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.groups.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.groups.getNames();
		}

		@Override
		public HealthEndpointGroup get(String name) {
			return READINESS.equals(name) ? this.readiness : this.groups.get(name);
		}

		@Override
		public List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			return (this.groups instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
		}

	}

	/** The readiness group with {@code vmodb} among its members. */
	private record WithVmodb(HealthEndpointGroup group) implements HealthEndpointGroup {

		/** Asked for each leaf by its path ({@code vmodb/vms/stock}): every component of the contributor belongs. */
		@Override
		public boolean isMember(String name) {
			return MEMBER.equals(name) || name.startsWith(MEMBER + "/") || this.group.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.group.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.group.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.group.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.group.getHttpCodeStatusMapper();
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return this.group.getAdditionalPath();
		}

	}

}
