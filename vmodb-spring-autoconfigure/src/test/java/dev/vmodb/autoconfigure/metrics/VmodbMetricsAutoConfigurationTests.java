package dev.vmodb.autoconfigure.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.autoconfigure.SharedBroker;
import dev.vmodb.autoconfigure.VmodbAutoConfiguration;
import dev.vmodb.autoconfigure.VmodbRepositoriesAutoConfiguration;
import dev.vmodb.autoconfigure.VmodbRoles;
import dev.vmodb.autoconfigure.metrics.shelf.ShelfConfiguration;
import dev.vmodb.autoconfigure.metrics.shelf.ShelfService.Peek;
import dev.vmodb.autoconfigure.metrics.shelf.ShelfService.Peeked;
import dev.vmodb.autoconfigure.metrics.shelf.ShelfService.Put;
import dev.vmodb.autoconfigure.stock.StockConfiguration;
import dev.vmodb.autoconfigure.stock.StockService.Reserve;
import dev.vmodb.autoconfigure.stock.StockService.Restock;
import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.jpa.mapping.VmsPersistenceUnit;
import dev.vmodb.kafka.KafkaNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link VmodbMetricsAutoConfiguration}: the stock VMS on a real broker and H2 runs a scenario of known
 * commits and aborts, and the meters, read from the registry and from a Prometheus scrape, must count exactly
 * those; the meters back off without Micrometer, without a registry, without vMODB and when replaced.
 */
class VmodbMetricsAutoConfigurationTests {

	private static final AtomicInteger applications = new AtomicInteger();

	/** vMODB with the stock VMS and the metrics auto-configurations, each context on topics of its own. */
	private final ApplicationContextRunner vmodb = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class,
				MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				VmodbMetricsAutoConfiguration.class))
		.withUserConfiguration(StockConfiguration.class)
		.withInitializer(context -> TestPropertyValues
			.of("vmodb.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers(),
					"vmodb.application-name=metrics-" + applications.incrementAndGet())
			.applyTo(context));

	/** As an application with {@code micrometer-registry-prometheus} has it. */
	private final ApplicationContextRunner runner = this.vmodb
		.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

	@Test
	void metersCountExactlyTheCommitsAndAbortsOfAScenario() {
		// a checkpoint after every batch: a checkpoint interval leaves the last batches unwritten until the next commit
		this.runner.withPropertyValues("vmodb.checkpoint.interval=0s").run(context -> {
			assertThat(context).hasSingleBean(EngineEventMeters.class)
				.hasSingleBean(EngineStatusMeters.class)
				.hasSingleBean(LogResilienceMeters.class);
			assertThat(context.getBean(VmodbRoles.class).awaitStarted(Duration.ofSeconds(30)))
				.isEqualTo(VmodbRoles.State.RUNNING);
			runScenario(context.getBean(VmsClient.class));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await(() -> "a checkpoint of every committed batch: " + context.getBean(KafkaNode.class).vmsStatuses(), () -> registry.get("vmodb.checkpoint.behind")
				.tag("vms", "stock").gauge().value() == 0 && registry.find("vmodb.checkpoint").timer() != null);

			assertThat(transactions(registry, "restock", "committed").count()).isEqualTo(3);
			assertThat(transactions(registry, "reserve", "committed").count()).isEqualTo(2);
			assertThat(transactions(registry, "reserve", "aborted").count()).isEqualTo(2);
			assertThat(transactions(registry, "take", "aborted").count()).isEqualTo(1);
			assertThat(registry.find("vmodb.transactions").timers()).hasSize(4);
			assertThat(registry.get("vmodb.aborts").tags("vms", "stock", "handler", "StockService.reserve", "reason",
					"explicit").counter().count()).isEqualTo(2);
			assertThat(registry.get("vmodb.aborts").tags("vms", "stock", "handler", "StockService.take", "reason",
					"IntegrityViolationException").counter().count()).isEqualTo(1);
			assertThat(registry.find("vmodb.aborts").counters()).hasSize(2);
			// one transaction at a time: every transaction in a batch of its own, none run again
			assertThat(registry.get("vmodb.batch.size").summary().count()).isEqualTo(8);
			assertThat(registry.get("vmodb.batch.size").summary().totalAmount()).isEqualTo(8);
			assertThat(registry.get("vmodb.batch.commit").timer().count()).isEqualTo(8);
			assertThat(registry.get("vmodb.batch.reruns").counter().count()).isZero();
			assertThat(registry.get("vmodb.batch.rerun.transactions").counter().count()).isZero();
			assertThat(registry.get("vmodb.checkpoint").tag("vms", "stock").timer().count()).isPositive();
			assertThat(registry.get("vmodb.client.pending").gauge().value()).isZero();
			assertThat(registry.get("vmodb.client.waiting").gauge().value()).isZero();
			assertThat(registry.get("vmodb.batches.undecided").gauge().value()).isZero();
			assertThat(registry.get("vmodb.vms.replaying").tag("vms", "stock").gauge().value()).isZero();

			PrometheusMeterRegistry prometheus = context.getBean(PrometheusMeterRegistry.class);
			PrometheusScrape scrape = new PrometheusScrape(prometheus.scrape());
			assertThat(scrape.value("vmodb_transactions_seconds_count", "event", "restock", "outcome", "committed"))
				.isEqualTo(3);
			assertThat(scrape.value("vmodb_transactions_seconds_count", "event", "reserve", "outcome", "committed"))
				.isEqualTo(2);
			assertThat(scrape.value("vmodb_transactions_seconds_count", "event", "reserve", "outcome", "aborted"))
				.isEqualTo(2);
			assertThat(scrape.value("vmodb_transactions_seconds_count", "event", "take", "outcome", "aborted"))
				.isEqualTo(1);
			// the percentile histogram is on by default: its last bucket counts every transaction of its series
			assertThat(scrape.value("vmodb_transactions_seconds_bucket", "event", "restock", "outcome", "committed",
					"le", "+Inf")).isEqualTo(3);
			assertThat(scrape.value("vmodb_aborts_total", "vms", "stock", "handler", "StockService.reserve", "reason",
					"explicit")).isEqualTo(2);
			assertThat(scrape.value("vmodb_aborts_total", "vms", "stock", "handler", "StockService.take", "reason",
					"IntegrityViolationException")).isEqualTo(1);
			assertThat(scrape.value("vmodb_batch_size_transactions_count")).isEqualTo(8);
			assertThat(scrape.value("vmodb_batch_size_transactions_sum")).isEqualTo(8);
			assertThat(scrape.value("vmodb_batch_commit_seconds_count")).isEqualTo(8);
			assertThat(scrape.value("vmodb_batch_reruns_total")).isZero();
			assertThat(scrape.value("vmodb_checkpoint_seconds_count", "vms", "stock")).isPositive();
			assertThat(scrape.value("vmodb_checkpoint_behind_batches", "vms", "stock")).isZero();
			assertThat(scrape.value("resilience4j_circuitbreaker_state", "name", "vmodb-log", "state", "closed"))
				.isEqualTo(1);
			assertThat(scrape.named("resilience4j_retry_calls_total")).isNotEmpty()
				.allSatisfy(sample -> assertThat(sample.labels()).containsEntry("name", "vmodb-startup"));
			// the reader reads control, the VMS's events, and as coordinator the input and done logs
			String prefix = context.getBean(KafkaNode.class).topicPrefix();
			assertThat(scrape.named("vmodb_log_lag_records")).extracting(sample -> sample.labels().get("topic"))
				.containsExactlyInAnyOrder(prefix + ".control", prefix + ".events.stock", prefix + ".input",
						prefix + ".done")
				.hasSize((int) scrape.value("vmodb_log_partitions"));
			assertThat(scrape.named("vmodb_log_lag_records")).allSatisfy(
					sample -> assertThat(sample.value()).isGreaterThanOrEqualTo(0));
		});
	}

	@Test
	void aRerunIsCountedWithTheTransactionsItRanAgain() {
		// the shelf writes, then the approval VMS vetoes: a transaction that read the write in the meantime runs again
		this.runner.withUserConfiguration(ShelfConfiguration.class)
			.withPropertyValues("vmodb.batch.window=200ms") // wide enough for the veto and the read to share a batch
			.run(context -> {
				VmsClient client = context.getBean(VmsClient.class);
				committed(client.submit("put", new Put(1, 5, false)));
				CompletableFuture<TransactionResult> vetoed = client.submit("put", new Put(1, 7, true));
				CompletableFuture<TransactionResult> peek = client.submit("peek", new Peek(1));
				aborted(vetoed);
				// run again without the vetoed write, it read the committed one
				assertThat(peek.get(30, TimeUnit.SECONDS).output("peeked", Peeked.class).amount()).isEqualTo(5);

				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("vmodb.batch.reruns").counter().count()).isEqualTo(1);
				assertThat(registry.get("vmodb.batch.rerun.transactions").counter().count()).isEqualTo(1);
				assertThat(transactions(registry, "put", "committed").count()).isEqualTo(1);
				assertThat(transactions(registry, "put", "aborted").count()).isEqualTo(1);
				assertThat(transactions(registry, "peek", "committed").count()).isEqualTo(1);
				assertThat(registry.get("vmodb.aborts").tags("vms", "approval", "handler", "ApprovalService.approve",
						"reason", "explicit").counter().count()).isEqualTo(1);
				assertThat(registry.get("vmodb.batch.size").summary().count()).isEqualTo(2);
				assertThat(registry.get("vmodb.batch.size").summary().totalAmount()).isEqualTo(3);
				PrometheusScrape scrape = new PrometheusScrape(context.getBean(PrometheusMeterRegistry.class).scrape());
				assertThat(scrape.value("vmodb_batch_reruns_total")).isEqualTo(1);
				assertThat(scrape.value("vmodb_batch_rerun_transactions_total")).isEqualTo(1);
			});
	}

	@Test
	void theTransactionHistogramCanBeTurnedOff() {
		this.runner.withPropertyValues("vmodb.metrics.transactions.percentiles-histogram=false").run(context -> {
			committed(context.getBean(VmsClient.class).submit("restock", new Restock("apple", 1)));
			PrometheusScrape scrape = new PrometheusScrape(context.getBean(PrometheusMeterRegistry.class).scrape());
			assertThat(scrape.value("vmodb_transactions_seconds_count", "event", "restock", "outcome", "committed"))
				.isEqualTo(1);
			assertThat(scrape.named("vmodb_transactions_seconds_bucket")).isEmpty();
		});
	}

	@Test
	void bootsHistogramPropertyWinsOverVmodbs() {
		this.runner.withPropertyValues("vmodb.metrics.transactions.percentiles-histogram=false",
				"management.metrics.distribution.percentiles-histogram.vmodb.transactions=true").run(context -> {
			committed(context.getBean(VmsClient.class).submit("restock", new Restock("apple", 1)));
			PrometheusScrape scrape = new PrometheusScrape(context.getBean(PrometheusMeterRegistry.class).scrape());
			assertThat(scrape.value("vmodb_transactions_seconds_bucket", "event", "restock", "outcome", "committed",
					"le", "+Inf")).isEqualTo(1);
		});
	}

	@Test
	void bootsMetricsEnableSwitchTurnsEveryMeterOff() {
		this.runner.withPropertyValues("management.metrics.enable.vmodb=false").run(context -> {
			committed(context.getBean(VmsClient.class).submit("restock", new Restock("apple", 1)));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
				.noneMatch(name -> name.startsWith("vmodb."))
				.anyMatch(name -> name.startsWith("resilience4j."));
		});
	}

	@Test
	void withoutMicrometerTheApplicationStartsWithoutMeters() {
		this.vmodb.withClassLoader(new FilteredClassLoader("io.micrometer.core")).run(context -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(KafkaNode.class)
				.doesNotHaveBean(EngineEventMeters.class)
				.doesNotHaveBean(EngineStatusMeters.class)
				.doesNotHaveBean(LogResilienceMeters.class);
			committed(context.getBean(VmsClient.class).submit("restock", new Restock("apple", 1)));
		});
	}

	@Test
	void withoutAMeterRegistryThereAreNoMeters() {
		// Boot's metrics auto-configuration is what provides a registry: without it, none
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class,
					VmodbRepositoriesAutoConfiguration.class, VmodbMetricsAutoConfiguration.class))
			.withUserConfiguration(StockConfiguration.class)
			.withPropertyValues("vmodb.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers(),
					"vmodb.application-name=metrics-" + applications.incrementAndGet())
			.run(context -> assertThat(context).hasNotFailed()
				.hasSingleBean(KafkaNode.class)
				.doesNotHaveBean(MeterRegistry.class)
				.doesNotHaveBean(EngineEventMeters.class)
				.doesNotHaveBean(EngineStatusMeters.class));
	}

	@Test
	void withoutVmodbThereAreNoMeters() {
		this.runner.withClassLoader(new FilteredClassLoader(VmsPersistenceUnit.class))
			.run(context -> assertThat(context).hasNotFailed()
				.hasSingleBean(MeterRegistry.class)
				.doesNotHaveBean(KafkaNode.class)
				.doesNotHaveBean(EngineEventMeters.class)
				.doesNotHaveBean(EngineStatusMeters.class));
	}

	@Test
	void withoutResilience4jsMicrometerModuleTheEngineIsStillMetered() {
		this.runner.withClassLoader(new FilteredClassLoader(TaggedCircuitBreakerMetrics.class)).run(context -> {
			assertThat(context).hasSingleBean(EngineEventMeters.class)
				.hasSingleBean(EngineStatusMeters.class)
				.doesNotHaveBean(LogResilienceMeters.class);
			committed(context.getBean(VmsClient.class).submit("restock", new Restock("apple", 1)));
			assertThat(transactions(context.getBean(MeterRegistry.class), "restock", "committed").count()).isEqualTo(1);
		});
	}

	@Test
	void withoutTheActuatorTheEngineIsStillMetered() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate")).run(context -> {
			assertThat(context).hasSingleBean(EngineEventMeters.class).hasSingleBean(EngineStatusMeters.class);
			committed(context.getBean(VmsClient.class).submit("restock", new Restock("apple", 1)));
			assertThat(transactions(context.getBean(MeterRegistry.class), "restock", "committed").count()).isEqualTo(1);
		});
	}

	@Test
	void anApplicationsMetersWin() {
		this.runner.withUserConfiguration(ApplicationMeters.class)
			.run(context -> assertThat(context).hasSingleBean(EngineEventMeters.class)
				.hasBean("myEngineMeters")
				.hasSingleBean(EngineStatusMeters.class)
				.hasBean("myStatusMeters")
				.hasSingleBean(LogResilienceMeters.class)
				.hasBean("myResilienceMeters"));
	}

	@Test
	void aPlainRegistryWithoutBootsMetricsModuleIsLeftToTheApplicationToBind() {
		// Boot binds meter binders; without its metrics auto-configuration the beans exist, bound by no one
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class,
					VmodbRepositoriesAutoConfiguration.class, VmodbMetricsAutoConfiguration.class))
			.withUserConfiguration(StockConfiguration.class)
			.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("vmodb.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers(),
					"vmodb.application-name=metrics-" + applications.incrementAndGet())
			.run(context -> {
				assertThat(context).hasSingleBean(EngineEventMeters.class).hasSingleBean(EngineStatusMeters.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(EngineEventMeters.class).bindTo(registry);
				committed(context.getBean(VmsClient.class).submit("restock", new Restock("apple", 1)));
				assertThat(transactions(registry, "restock", "committed").count()).isEqualTo(1);
			});
	}

	/**
	 * One at a time, each in a batch of its own: restock commits 3 times, reserve commits 2 times and aborts
	 * explicitly 2 times, take aborts once on the entity's constraint.
	 */
	private static void runScenario(VmsClient client) {
		committed(client.submit("restock", new Restock("apple", 5)));
		committed(client.submit("restock", new Restock("pear", 5)));
		committed(client.submit("restock", new Restock("plum", 1)));
		committed(client.submit("reserve", new Reserve("apple", 2)));
		committed(client.submit("reserve", new Reserve("apple", 2)));
		aborted(client.submit("reserve", new Reserve("apple", 5)));
		aborted(client.submit("reserve", new Reserve("plum", 2)));
		aborted(client.submit("take", new Reserve("fig", 1)));
	}

	private static Timer transactions(MeterRegistry registry, String event, String outcome) {
		return registry.get("vmodb.transactions").tags("event", event, "outcome", outcome).timer();
	}

	private static void committed(CompletableFuture<TransactionResult> future) {
		try {
			future.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("expected a commit", ex);
		}
	}

	private static void aborted(CompletableFuture<TransactionResult> future) {
		ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
		assertThat(failed).cause().isInstanceOf(TransactionAbortedException.class);
	}

	private static void await(Supplier<String> what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for " + what.get());
			}
			Thread.sleep(20);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationMeters {

		@Bean
		EngineEventMeters myEngineMeters() {
			return new EngineEventMeters(false, true);
		}

		@Bean
		EngineStatusMeters myStatusMeters(KafkaNode node) {
			return new EngineStatusMeters(node);
		}

		@Bean
		LogResilienceMeters myResilienceMeters(KafkaNode node) {
			return new LogResilienceMeters(node);
		}

	}

}
