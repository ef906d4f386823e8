package dev.vmodb.autoconfigure.broken;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.VirtualMicroservice;

/** An application whose VMS declares two handlers for one event. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class BrokenConfiguration {

	@VirtualMicroservice("broken")
	public static class BrokenService {

		@Inbound("ping")
		public void first(Ping ping) {
		}

		@Inbound("ping")
		public void second(Ping ping) {
		}

	}

	public record Ping(long id) {
	}

	@Entity
	public static class Thing {

		@Id
		private Long id;

	}

}
