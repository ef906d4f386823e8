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
import dev.vmodb.autoconfigure.sample.CounterRepository;
import dev.vmodb.autoconfigure.sample.CounterService;
import dev.vmodb.autoconfigure.sample.SampleConfiguration;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.metadata.DeclarationException;
import dev.vmodb.core.runtime.BatchPolicy;
import dev.vmodb.core.runtime.LocalBatchCoordinator;
import dev.vmodb.core.runtime.RuntimeSettings;
import dev.vmodb.jpa.mapping.VmsCatalog;
import dev.vmodb.jpa.mapping.VmsPersistenceUnit;
import dev.vmodb.jpa.repository.VmsRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VmodbAutoConfiguration} and {@link VmodbRepositoriesAutoConfiguration}.
 */
class VmodbAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class))
		.withUserConfiguration(SampleConfiguration.class);

	@Test
	void defaultsCreateTheRuntimeTheClientAndTheRepositories() {
		this.runner.run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(VmsStorage.class).hasSingleBean(VmsRuntimes.class);
			assertThat(context).hasSingleBean(CounterService.class).hasSingleBean(CounterRepository.class);
			assertThat(context).getBean(VmsCatalog.BEAN_NAME).isInstanceOf(VmsCatalog.class);
			assertThat(context).getBean(VmsClient.class).isInstanceOf(LocalBatchCoordinator.class);
			assertThat(context.getBean(BatchPolicy.class)).isEqualTo(new BatchPolicy(Duration.ofMillis(5), 10_000));
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
			assertThat(result.outputEvent()).isEqualTo("added");
			assertThat(result.output()).isEqualTo(new CounterService.Added("a", 12));
			CounterRepository counters = context.getBean(CounterRepository.class);
			assertThat(counters.findById("a")).hasValueSatisfying(counter -> assertThat(counter.getValue()).isEqualTo(12));
			assertThat(counters.findByAmountGreaterThan(10)).hasSize(1);
		});
	}

	@Test
	void propertiesConfigureBatchingSchedulingAndCheckpoints() {
		this.runner
			.withPropertyValues("vmodb.batch.window=7ms", "vmodb.batch.max-size=50", "vmodb.scheduler.lanes=3",
					"vmodb.checkpoint.interval=0s")
			.run(context -> {
				assertThat(context.getBean(BatchPolicy.class)).isEqualTo(new BatchPolicy(Duration.ofMillis(7), 50));
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
			assertThat(context).doesNotHaveBean(LocalBatchCoordinator.class);
			assertThat(context.getBean(BatchPolicy.class)).isSameAs(context.getBean(UserBeans.class).policy);
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

		final BatchPolicy policy = new BatchPolicy(Duration.ofMillis(1), 10);

		@Bean
		VmsClient userClient() {
			return (event, payload) -> CompletableFuture.failedFuture(new UnsupportedOperationException("user client"));
		}

		@Bean
		BatchPolicy userPolicy() {
			return this.policy;
		}

	}

}
