package dev.vmodb.autoconfigure.actuate;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.vmodb.autoconfigure.VmodbAutoConfiguration;
import dev.vmodb.autoconfigure.VmodbRoles;
import dev.vmodb.autoconfigure.VmsRuntimes;
import dev.vmodb.kafka.KafkaNode;

/**
 * Auto-configuration of the {@code vmodb} Actuator endpoint, when Actuator is on the class path and the endpoint is
 * exposed ({@code management.endpoints.web.exposure.include=vmodb}).
 */
@AutoConfiguration(after = VmodbAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean({ KafkaNode.class, VmsRuntimes.class, VmodbRoles.class })
public final class VmodbEndpointAutoConfiguration {

	// on the method, not the class: its condition's class is Actuator's, loaded only once the class condition passed
	@Bean
	@ConditionalOnAvailableEndpoint
	@ConditionalOnMissingBean
	VmodbEndpoint vmodbEndpoint(KafkaNode node, VmsRuntimes runtimes, VmodbRoles roles) {
		return new VmodbEndpoint(node, runtimes, roles);
	}

}
