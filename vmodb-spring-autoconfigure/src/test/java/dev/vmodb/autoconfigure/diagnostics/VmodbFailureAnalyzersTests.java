package dev.vmodb.autoconfigure.diagnostics;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.DefaultResourceLoader;

import dev.vmodb.autoconfigure.VmodbAutoConfiguration;
import dev.vmodb.autoconfigure.VmodbRepositoriesAutoConfiguration;
import dev.vmodb.autoconfigure.VmodbRoles;
import dev.vmodb.autoconfigure.broken.BrokenConfiguration;
import dev.vmodb.autoconfigure.sample.SampleConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * vMODB's failure analyzers on real failed start-ups, found through {@code META-INF/spring.factories}: a
 * {@link SpringApplication} whose context fails to refresh, reported by Boot itself, or roles that fail to connect
 * after the refresh, reported by {@link VmodbRoles} the same way. Either gives the description and action of the
 * "APPLICATION FAILED TO START" report.
 */
class VmodbFailureAnalyzersTests {

	@BeforeEach
	void forgetEarlierAnalyses() {
		CapturedFailureAnalyses.clear();
	}

	@Test
	void noClusterAndNoEmbeddedBrokerSaysWhatToSetOrAdd() {
		FailureAnalysis analysis = failedStartUp(new FilteredClassLoader("dev.vmodb.kafka.embedded"),
				CounterApplication.class);
		assertThat(analysis.getDescription()).contains("vmodb.kafka.bootstrap-servers is not set")
			.contains("KafkaConnectionDetails");
		assertThat(analysis.getAction()).contains("Set vmodb.kafka.bootstrap-servers")
			.contains("add dev.vmodb:vmodb-kafka-embedded")
			.contains("development and tests");
	}

	@Test
	void anUnreachableClusterNamesTheServersAndTheProperty() throws Exception {
		String nowhere = "127.0.0.1:" + freePort();
		FailureAnalysis analysis = failedRoles(CounterApplication.class, "vmodb.kafka.bootstrap-servers=" + nowhere);
		assertThat(analysis.getDescription())
			.startsWith("vMODB could not reach the Kafka cluster of its log at " + nowhere
					+ ", taken from vmodb.kafka.bootstrap-servers: it did not answer within 2000 ms")
			.contains("while listing the log's topics");
		assertThat(analysis.getAction()).contains("reachable from this application at " + nowhere)
			.contains("vmodb.kafka.properties.security.protocol")
			.contains("set vmodb.kafka.bootstrap-servers")
			.contains("raise vmodb.kafka.startup-timeout");
	}

	@Test
	void anUnreachableClusterFromConnectionDetailsNamesTheBean() {
		FailureAnalysis analysis = failedRoles(UnreachableConnectionDetailsApplication.class);
		assertThat(analysis.getDescription()).startsWith("vMODB could not reach the Kafka cluster of its log at "
				+ UnreachableConnectionDetailsApplication.servers + ", taken from the KafkaConnectionDetails bean "
				+ "unreachableKafka:");
	}

	@Test
	void anUnreachableClusterFromSpringKafkaPropertiesNamesTheProperty() throws Exception {
		String nowhere = "127.0.0.1:" + freePort();
		FailureAnalysis analysis = failedRoles(BootKafkaApplication.class, "spring.kafka.bootstrap-servers=" + nowhere);
		assertThat(analysis.getDescription()).startsWith("vMODB could not reach the Kafka cluster of its log at " + nowhere
				+ ", taken from spring.kafka.bootstrap-servers (Boot's KafkaConnectionDetails):");
	}

	@Test
	void aBadDeclarationNamesTheMemberAndSaysToFixIt() {
		FailureAnalysis analysis = failedStartUp(null, BrokenApplication.class);
		assertThat(analysis.getDescription()).startsWith("A virtual microservice is declared wrongly: ")
			.contains("BrokenService.first")
			.contains("BrokenService.second");
		assertThat(analysis.getAction()).startsWith("Fix the declaration of the class and member named above");
	}

	/**
	 * Runs an application whose roles must fail to connect (they start after the context refreshed), and returns
	 * the analysis reported for it, which the registered failure analyzers made.
	 */
	private static FailureAnalysis failedRoles(Class<?> configuration, String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		new ApplicationContextRunner().withUserConfiguration(configuration)
			.withPropertyValues("vmodb.startup.fail-fast=false", "vmodb.kafka.startup-timeout=2s",
					"vmodb.application-name=analyzers")
			.withPropertyValues(properties)
			.run(context -> {
				VmodbRoles roles = context.getBean(VmodbRoles.class);
				assertThat(roles.awaitStarted(Duration.ofSeconds(30))).isEqualTo(VmodbRoles.State.FAILED);
				analysis[0] = roles.failure();
			});
		return analysis[0];
	}

	/** Runs an application that must fail to start, and returns the one analysis Boot reported for it. */
	private static FailureAnalysis failedStartUp(ClassLoader classLoader, Class<?> configuration, String... args) {
		SpringApplication application = (classLoader != null)
				? new SpringApplication(new DefaultResourceLoader(classLoader), configuration)
				: new SpringApplication(configuration);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		String[] arguments = new String[args.length + 2];
		System.arraycopy(args, 0, arguments, 0, args.length);
		arguments[args.length] = "--vmodb.kafka.startup-timeout=2s";
		arguments[args.length + 1] = "--vmodb.application-name=analyzers";
		assertThatException().isThrownBy(() -> application.run(arguments).close());
		List<FailureAnalysis> analyses = CapturedFailureAnalyses.all();
		assertThat(analyses).as("failure analyses reported").hasSize(1);
		return analyses.get(0);
	}

	private static int freePort() throws Exception {
		try (ServerSocket probe = new ServerSocket(0)) {
			return probe.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class })
	@Import(SampleConfiguration.class)
	static class CounterApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@Import(CounterApplication.class)
	static class UnreachableConnectionDetailsApplication {

		static final String servers = "127.0.0.1:9";

		@Bean
		KafkaConnectionDetails unreachableKafka() {
			return () -> List.of(servers);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(KafkaAutoConfiguration.class)
	@Import(CounterApplication.class)
	static class BootKafkaApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class })
	@Import(BrokenConfiguration.class)
	static class BrokenApplication {

	}

}
