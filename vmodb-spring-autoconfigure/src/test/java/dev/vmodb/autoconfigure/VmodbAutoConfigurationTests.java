package dev.vmodb.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.autoconfigure.broken.BrokenConfiguration;
import dev.vmodb.autoconfigure.dangling.DanglingConfiguration;
import dev.vmodb.autoconfigure.sample.CounterRepository;
import dev.vmodb.autoconfigure.sample.CounterService;
import dev.vmodb.autoconfigure.sample.SampleConfiguration;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.metadata.DeclarationException;
import dev.vmodb.core.client.TransactionClient;
import dev.vmodb.core.coordinator.BatchPolicy;
import dev.vmodb.core.runtime.RuntimeSettings;
import dev.vmodb.jpa.mapping.VmsCatalog;
import dev.vmodb.jpa.mapping.VmsPersistenceUnit;
import dev.vmodb.jpa.repository.VmsRepository;
import dev.vmodb.kafka.KafkaNode;
import dev.vmodb.kafka.NodeSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link VmodbAutoConfiguration} and {@link VmodbRepositoriesAutoConfiguration}.
 */
class VmodbAutoConfigurationTests {

	private final ApplicationContextRunner runner = BrokerContextRunners.on("autoconfigure", SampleConfiguration.class);

	@Test
	void defaultsCreateTheRuntimeTheClientAndTheRepositories() {
		this.runner.run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(VmsStorage.class).hasSingleBean(VmsRuntimes.class);
			assertThat(context).hasSingleBean(CounterService.class).hasSingleBean(CounterRepository.class);
			assertThat(context).getBean(VmsCatalog.BEAN_NAME).isInstanceOf(VmsCatalog.class);
			assertThat(context).getBean(VmsClient.class).isInstanceOf(TransactionClient.class);
			assertThat(context.getBean(VmodbLog.class).embeddedBroker()).isNull();
			assertThat(context.getBean(VmodbLog.class).settings().topicPrefix()).startsWith("vmodb.autoconfigure-");
			assertThat(context.getBean(NodeSettings.class).batchPolicy())
				.isEqualTo(new BatchPolicy(Duration.ofMillis(5), 10_000));
			assertThat(context.getBean(NodeSettings.class).idempotencyKeysRetained()).isEqualTo(100_000);
			assertThat(context.getBean(VmodbRoles.class).awaitStarted(Duration.ofSeconds(30))).isEqualTo(VmodbRoles.State.RUNNING);
			assertThat(context.getBean(KafkaNode.class).topology().inputEvents()).containsExactly("add");
			assertThat(context.getBean(RuntimeSettings.class).checkpointInterval()).isEqualTo(Duration.ofMillis(200));
			assertThat(context.getBean(VmsRuntimes.class).get("counters").definition().handlers()).containsOnlyKeys("add");
		});
	}

	@Test
	void submittedTransactionsCommitAndAreVisibleThroughRepositories() {
		this.runner.run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			CompletableFuture<TransactionResult> first = client.submit("add", new CounterService.Add("a", 5));
			CompletableFuture<TransactionResult> second = client.submit("add", new CounterService.Add("a", 7));
			TransactionResult result = second.get(10, TimeUnit.SECONDS);
			assertThat(first.get(10, TimeUnit.SECONDS).tid()).isLessThan(result.tid());
			assertThat(result.outputs()).containsOnlyKeys("added");
			assertThat(result.output()).isEqualTo(new CounterService.Added("a", 12));
			CounterRepository counters = context.getBean(CounterRepository.class);
			assertThat(counters.findById("a")).hasValueSatisfying(counter -> assertThat(counter.getValue()).isEqualTo(12));
			assertThat(counters.findByAmountGreaterThan(10)).hasSize(1);
		});
	}

	@Test
	void withoutBootstrapServersTheApplicationStartsAnEmbeddedBroker(@TempDir Path logDirectory) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class))
			.withUserConfiguration(SampleConfiguration.class)
			.withPropertyValues("vmodb.kafka.embedded.log-directory=" + logDirectory, "spring.application.name=counting")
			.run(context -> {
				VmodbLog log = context.getBean(VmodbLog.class);
				assertThat(log.embeddedBroker()).isNotNull();
				assertThat(log.embeddedBroker().logDirectory()).isEqualTo(logDirectory);
				assertThat(log.settings().topicPrefix()).isEqualTo("vmodb.counting");
				TransactionResult result = context.getBean(VmsClient.class)
					.submit("add", new CounterService.Add("x", 3))
					.get(30, TimeUnit.SECONDS);
				assertThat(result.output()).isEqualTo(new CounterService.Added("x", 3));
			});
	}

	@Test
	void aRestartedApplicationOnAKeptLogRebuildsItsStateAndContinuesTheOrder(@TempDir Path logDirectory) {
		ApplicationContextRunner restartable = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class))
			.withUserConfiguration(SampleConfiguration.class)
			.withPropertyValues("vmodb.kafka.embedded.log-directory=" + logDirectory, "vmodb.application-name=restarted");
		long[] lastTid = new long[1];
		restartable.run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			for (int i = 0; i < 5; i++) {
				lastTid[0] = client.submit("add", new CounterService.Add("r", 1)).get(30, TimeUnit.SECONDS).tid();
			}
		});
		// the VMS's database was in memory: the restarted VMS rebuilds its state by re-running the logged batches
		restartable.run(context -> {
			TransactionResult result = context.getBean(VmsClient.class)
				.submit("add", new CounterService.Add("r", 1))
				.get(30, TimeUnit.SECONDS);
			assertThat(result.tid()).isGreaterThan(lastTid[0]);
			assertThat(result.output()).isEqualTo(new CounterService.Added("r", 6));
		});
	}

	@Test
	void anEmittedEventNobodyConsumesFailsStartUpUnlessTerminal() {
		this.runner.withUserConfiguration(DanglingConfiguration.class).run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(DeclarationException.class)
					.hasMessageContaining("'pinged'")
					.hasMessageContaining("terminal = true");
			});
	}

	@Test
	void declaredInputEventsNoVmsHandlesFailStartUp() {
		this.runner.withPropertyValues("vmodb.input-events=add,substract").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(DeclarationException.class)
				.hasMessageContaining("[substract]")
				.hasMessageContaining("[add]");
		});
	}

	@Test
	void submittingAnEventNoVmsHandlesIsRefused() {
		this.runner.run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> client.submit("substract", new CounterService.Add("a", 1)))
				.withMessageContaining("substract")
				.withMessageContaining("[add]");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> client.submit("add", new CounterService.Added("a", 1)))
				.withMessageContaining(CounterService.Add.class.getName());
		});
	}

	@Test
	void severalInputPartitionsAreMergedIntoOneTidOrder() {
		this.runner.withPropertyValues("vmodb.kafka.input-partitions=3", "vmodb.batch.max-size=50").run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			java.util.List<CompletableFuture<TransactionResult>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < 600; i++) {
				futures.add(client.submit("add", new CounterService.Add("c" + (i % 7), 1)));
			}
			java.util.Set<Long> tids = new java.util.HashSet<>();
			java.util.Set<Long> batches = new java.util.HashSet<>();
			for (CompletableFuture<TransactionResult> future : futures) {
				TransactionResult result = future.get(30, TimeUnit.SECONDS);
				tids.add(result.tid());
				batches.add(result.batch());
			}
			assertThat(tids).hasSize(600);
			assertThat(context.getBean(VmodbLog.class).settings().inputPartitions()).isEqualTo(3);
			CounterRepository counters = context.getBean(CounterRepository.class);
			long total = 0;
			for (var counter : counters.findAll()) {
				total += counter.getValue();
			}
			assertThat(total).isEqualTo(600);
		});
	}

	@Test
	void propertiesConfigureBatchingSchedulingCheckpointsAndIdempotencyKeys() {
		this.runner
			.withPropertyValues("vmodb.batch.window=7ms", "vmodb.batch.max-size=50", "vmodb.scheduler.lanes=3",
					"vmodb.checkpoint.interval=0s", "vmodb.coordinator.idempotency-keys-retained=12")
			.run(context -> {
				assertThat(context.getBean(NodeSettings.class).batchPolicy()).isEqualTo(new BatchPolicy(Duration.ofMillis(7), 50));
				assertThat(context.getBean(NodeSettings.class).idempotencyKeysRetained()).isEqualTo(12);
				assertThat(context.getBean(RuntimeSettings.class)).isEqualTo(new RuntimeSettings(3, Duration.ZERO));
			});
	}

	@Test
	void fileDirectoryPutsEachVmsDatabaseOnDisk(@TempDir Path directory) {
		this.runner.withPropertyValues("vmodb.h2.directory=" + directory).run(context -> {
			context.getBean(VmsClient.class).submit("add", new CounterService.Add("b", 1)).get(10, TimeUnit.SECONDS);
			context.getBean(VmsRuntimes.class).get("counters").checkpointer().checkpointNow();
			assertThat(Files.exists(directory.resolve("counters.mv.db"))).isTrue();
		});
	}

	@Test
	void configuringAnUnknownVmsFailsStartUpNamingIt() {
		this.runner.withPropertyValues("vmodb.vms.stok.datasource.url=jdbc:h2:mem:x").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("vmodb.vms.stok")
				.hasMessageContaining("counters");
		});
	}

	@Test
	void badDeclarationFailsStartUpNamingTheMember() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class))
			.withUserConfiguration(BrokenConfiguration.class)
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(DeclarationException.class)
					.hasMessageContaining("BrokenService.first")
					.hasMessageContaining("BrokenService.second")
					.hasMessageContaining("'ping'");
			});
	}

	@Test
	void userBeansWin() {
		this.runner.withUserConfiguration(UserBeans.class).run(context -> {
			assertThat(context).hasSingleBean(VmsClient.class);
			assertThat(context).doesNotHaveBean(TransactionClient.class);
			assertThat(context.getBean(NodeSettings.class)).isSameAs(context.getBean(UserBeans.class).settings);
		});
	}

	@Test
	void backsOffWithoutTheJpaBridge() {
		this.runner.withClassLoader(new FilteredClassLoader(VmsPersistenceUnit.class)).run(context -> {
			assertThat(context).doesNotHaveBean(VmsStorage.class).doesNotHaveBean(VmsClient.class);
		});
	}

	@Test
	void repositoriesBackOffWithoutSpringDataSupport() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VmodbRepositoriesAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(VmsRepository.class))
			.run(context -> assertThat(context).doesNotHaveBean(CounterRepository.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		final NodeSettings settings = NodeSettings.defaults();

		@Bean
		VmsClient userClient() {
			return (event, payload) -> CompletableFuture.failedFuture(new UnsupportedOperationException("user client"));
		}

		@Bean
		NodeSettings userSettings() {
			return this.settings;
		}

	}

}
