package dev.vmodb.autoconfigure;

import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.autoconfigure.sample.CounterService;
import dev.vmodb.autoconfigure.sample.SampleConfiguration;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VmodbLogConfiguration}: where the log is (vmodb.kafka.bootstrap-servers, else the application's
 * KafkaConnectionDetails, else an embedded broker when vmodb-kafka-embedded is present, else a start-up failure),
 * on the shared real broker ({@link SharedBroker}).
 */
class VmodbLogConfigurationTests {

	private static final AtomicInteger applications = new AtomicInteger();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class))
		.withUserConfiguration(SampleConfiguration.class)
		.withPropertyValues("vmodb.kafka.startup-timeout=5s");

	@Test
	void bootstrapServersStartNoEmbeddedBrokerAndNeedNoneOnTheClassPath() {
		ContextConsumer<AssertableApplicationContext> onTheCluster = context -> {
			assertThat(context).hasNotFailed();
			VmodbLog log = context.getBean(VmodbLog.class);
			assertThat(log.embeddedBroker()).isNull();
			assertThat(log.connection().source()).isEqualTo(LogConnection.Source.PROPERTY);
			assertThat(log.connection().origin()).isEqualTo("vmodb.kafka.bootstrap-servers");
			assertThat(log.settings().bootstrapServers()).isEqualTo(SharedBroker.bootstrapServers());
			assertCommits(context);
		};
		named(this.runner).withPropertyValues("vmodb.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers())
			.run(onTheCluster.andThen(context -> assertThat(context).hasSingleBean(EmbeddedLogBrokerLauncher.class)));
		named(this.runner).withPropertyValues("vmodb.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers())
			.withClassLoader(new FilteredClassLoader("dev.vmodb.kafka.embedded", "org.springframework.boot.kafka"))
			.run(onTheCluster.andThen(context -> assertThat(context).doesNotHaveBean(EmbeddedLogBrokerLauncher.class)
				.doesNotHaveBean(BootKafkaConnection.class)));
	}

	@Test
	void bootstrapServersBindAsAListFromACommaSeparatedValue() {
		named(this.runner)
			.withPropertyValues("vmodb.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers() + ", localhost:1")
			.run(context -> {
				VmodbLog log = context.getBean(VmodbLog.class);
				assertThat(log.connection().bootstrapServers()).containsExactly(SharedBroker.bootstrapServers(), "localhost:1");
				assertThat(log.settings().bootstrapServers()).isEqualTo(SharedBroker.bootstrapServers() + ",localhost:1");
				assertCommits(context);
			});
	}

	@Test
	void aKafkaConnectionDetailsBeanPlacesTheLogAndATransactionCommitsThroughIt() {
		named(this.runner).withBean("testKafka", KafkaConnectionDetails.class, () -> () -> List.of(SharedBroker.bootstrapServers()))
			.run(context -> {
				assertThat(context).hasNotFailed();
				VmodbLog log = context.getBean(VmodbLog.class);
				assertThat(log.embeddedBroker()).isNull();
				assertThat(log.connection().source()).isEqualTo(LogConnection.Source.CONNECTION_DETAILS);
				assertThat(log.connection().origin()).startsWith("KafkaConnectionDetails bean 'testKafka'");
				assertThat(log.settings().bootstrapServers()).isEqualTo(SharedBroker.bootstrapServers());
				assertCommits(context);
			});
	}

	@Test
	void theConnectionDetailsSecurityProtocolAndSslBundleReachEveryClient() {
		SslBundle bundle = SslBundle.of(SslStoreBundle.NONE);
		named(this.runner).withBean("secureKafka", KafkaConnectionDetails.class, () -> new KafkaConnectionDetails() {

			@Override
			public List<String> getBootstrapServers() {
				return List.of(SharedBroker.bootstrapServers());
			}

			@Override
			public SslBundle getSslBundle() {
				return bundle;
			}

			@Override
			public String getSecurityProtocol() {
				// the broker listens in plain text: the clients ignore the bundle, so the context can start
				return "PLAINTEXT";
			}

		}).run(context -> {
			assertThat(context.getBean(VmodbLog.class).settings().clientConfig())
				.containsEntry("security.protocol", "PLAINTEXT")
				.containsEntry(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class)
				.containsEntry(SslBundle.class.getName(), bundle);
			assertCommits(context);
		});
	}

	@Test
	void anSslBundleNamedByPropertyReachesEveryClient() {
		SslBundle bundle = SslBundle.of(SslStoreBundle.NONE);
		named(this.runner).withUserConfiguration(Bundles.class)
			.withBean(SslBundle.class, () -> bundle)
			.withPropertyValues("vmodb.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers(), "vmodb.kafka.ssl.bundle=log")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(VmodbLog.class).settings().clientConfig())
					.containsEntry(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class)
					.containsEntry(SslBundle.class.getName(), bundle);
			});
	}

	@Test
	void thePropertyBeatsConnectionDetails() throws Exception {
		String nowhere = "127.0.0.1:" + freePort();
		named(this.runner).withBean("elsewhere", KafkaConnectionDetails.class, () -> () -> List.of(nowhere))
			.withPropertyValues("vmodb.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers())
			.run(context -> {
				assertThat(context.getBean(VmodbLog.class).connection().source()).isEqualTo(LogConnection.Source.PROPERTY);
				assertCommits(context);
			});
	}

	@Test
	void bootsOwnConnectionDetailsCountOnlyWithSpringKafkaBootstrapServersSet() {
		ApplicationContextRunner withBootKafka = named(this.runner)
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("dev.vmodb.kafka.embedded"));
		// Boot's default (localhost:9092) is no decision to use a cluster: without the embedded broker nothing is left
		withBootKafka.run(context -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOf(LogNotConfiguredException.class));
		withBootKafka.withPropertyValues("spring.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers()).run(context -> {
			assertThat(context).hasNotFailed();
			LogConnection connection = context.getBean(VmodbLog.class).connection();
			assertThat(connection.source()).isEqualTo(LogConnection.Source.CONNECTION_DETAILS);
			assertThat(connection.origin()).startsWith("spring.kafka.bootstrap-servers");
			assertCommits(context);
		});
	}

	@Test
	void withNeitherAndNoEmbeddedBrokerStartUpFailsSayingWhatToSet() {
		this.runner.withClassLoader(new FilteredClassLoader("dev.vmodb.kafka.embedded"))
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(LogNotConfiguredException.class)
				.hasMessageContaining("vmodb.kafka.bootstrap-servers is not set")
				.hasMessageContaining("dev.vmodb:vmodb-kafka-embedded"));
	}

	@Test
	void anEmbeddedBrokerOnATemporaryDirectoryWarnsThatNothingIsDurable() {
		List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		Logger logger = Logger.getLogger(VmodbLog.class.getName());
		logger.addHandler(handler);
		try {
			named(this.runner).run(context -> {
				EmbeddedLogBroker embedded = context.getBean(VmodbLog.class).embeddedBroker();
				assertThat(embedded.temporary()).isTrue();
				assertThat(context.getBean(VmodbLog.class).connection().source()).isEqualTo(LogConnection.Source.EMBEDDED);
				assertThat(records).filteredOn(record -> record.getLevel() == Level.WARNING)
					.singleElement()
					.satisfies(warning -> assertThat(warning.getMessage()).contains(embedded.logDirectory().toString())
						.contains("nothing the log holds")
						.contains("durable across restarts")
						.contains("vmodb.kafka.embedded.log-directory"));
			});
		}
		finally {
			logger.removeHandler(handler);
		}
	}

	@Test
	void maxRecordSizeIsADataSizeWithinKafkasLimits() {
		named(this.runner)
			.withPropertyValues("vmodb.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers(),
					"vmodb.kafka.max-record-size=16MB")
			.run(context -> assertThat(context.getBean(VmodbLog.class).settings().maxRecordBytes())
				.isEqualTo(16 * 1024 * 1024));
		this.runner.withPropertyValues("vmodb.kafka.max-record-size=512B")
			.run(context -> assertThat(context).getFailure()
				.hasStackTraceContaining("vmodb.kafka.max-record-size must be between 1KB and 2147483647B")
				.hasStackTraceContaining("512B"));
	}

	/** A runner whose every context has topics of its own on the shared broker. */
	private static ApplicationContextRunner named(ApplicationContextRunner runner) {
		return runner.withPropertyValues("vmodb.application-name=log-config-" + applications.incrementAndGet());
	}

	private static void assertCommits(AssertableApplicationContext context) throws Exception {
		TransactionResult result = context.getBean(VmsClient.class)
			.submit("add", new CounterService.Add("k", 2))
			.get(30, TimeUnit.SECONDS);
		assertThat(result.output()).isEqualTo(new CounterService.Added("k", 2));
	}

	private static int freePort() throws Exception {
		try (ServerSocket probe = new ServerSocket(0)) {
			return probe.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Bundles {

		@Bean
		SslBundles sslBundles(SslBundle bundle) {
			DefaultSslBundleRegistry registry = new DefaultSslBundleRegistry();
			registry.registerBundle("log", bundle);
			return registry;
		}

	}

}
