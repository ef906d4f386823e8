package dev.vmodb.autoconfigure.dangling;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;

/**
 * A VMS emitting an event that no VMS consumes and that is not declared terminal.
 */
@Configuration(proxyBeanMethods = false)
public class DanglingConfiguration {

	@Bean
	PingService pingService() {
		return new PingService();
	}

	@VirtualMicroservice("pings")
	public static class PingService {

		@Inbound("ping")
		@Outbound("pinged")
		public Pinged ping(Ping ping) {
			return new Pinged(ping.id());
		}

	}

	public record Ping(long id) {
	}

	public record Pinged(long id) {
	}

}
