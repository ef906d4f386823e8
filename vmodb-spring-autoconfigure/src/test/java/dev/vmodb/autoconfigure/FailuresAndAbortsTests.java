package dev.vmodb.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.validation.Validator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationContext;

import dev.vmodb.autoconfigure.stock.StockConfiguration;
import dev.vmodb.autoconfigure.stock.StockRepository;
import dev.vmodb.autoconfigure.stock.StockService.Reserve;
import dev.vmodb.autoconfigure.stock.StockService.Restock;
import dev.vmodb.core.api.InvalidInputException;
import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.client.InputValidator;
import dev.vmodb.kafka.KafkaLogSettings;
import dev.vmodb.kafka.TopicLayout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests how bad input and failing transactions reach the submitter: invalid input is refused by
 * {@link VmsClient#submit} before it enters the log; a transaction that aborts completes its future exceptionally.
 */
class FailuresAndAbortsTests {

	private final ApplicationContextRunner runner = BrokerContextRunners.on("failures", StockConfiguration.class);

	/** An application with Bean Validation, as {@code spring-boot-starter-validation} gives it. */
	private final ApplicationContextRunner validating = this.runner
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class));

	@Test
	void inputViolatingItsConstraintsIsRefusedAtSubmitAndNeverLogged() {
		this.validating.run(context -> {
			assertThat(context).hasSingleBean(BeanValidationInputValidator.class);
			VmsClient client = context.getBean(VmsClient.class);
			TransactionResult first = client.submit("restock", new Restock("apple", 5)).get(30, TimeUnit.SECONDS);
			long logged = inputRecords(context);
			InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
					() -> client.submit("restock", new Restock(" ", -2)));
			assertThat(refused.event()).isEqualTo("restock");
			// every violation, sorted by component (the messages themselves follow the JVM's locale)
			assertThat(refused.violations()).extracting(violation -> violation.substring(0, violation.indexOf(':')))
				.containsExactly("item", "quantity");
			assertThat(refused).hasMessageStartingWith("Input event 'restock' refused: item: ");
			assertThat(inputRecords(context)).isEqualTo(logged);
			// the refused input took no TID: the next valid one directly follows the first
			TransactionResult next = client.submit("restock", new Restock("apple", 2)).get(30, TimeUnit.SECONDS);
			assertThat(next.tid()).isEqualTo(first.tid() + 1);
			assertThat(inputRecords(context)).isEqualTo(logged + 1);
			assertThat(context.getBean(StockRepository.class).findById("apple"))
				.hasValueSatisfying(stock -> assertThat(stock.getQuantity()).isEqualTo(7));
		});
	}

	@Test
	void withoutAValidatorInputIsNotChecked() {
		this.runner.run(context -> {
			assertThat(context).doesNotHaveBean(InputValidator.class);
			VmsClient client = context.getBean(VmsClient.class);
			// the handler runs: the constraints on the event record are not enforced without a Validator
			assertThat(client.submit("restock", new Restock(" ", 3)).get(30, TimeUnit.SECONDS)).isNotNull();
		});
	}

	@Test
	void inputValidationBacksOffWithoutBeanValidation() {
		this.validating.withClassLoader(new FilteredClassLoader(Validator.class))
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InputValidator.class));
	}

	@Test
	void anApplicationsInputValidatorWins() {
		this.validating.withBean(InputValidator.class, () -> (event, payload) -> List.of("everything: is refused"))
			.run(context -> {
				assertThat(context).doesNotHaveBean(BeanValidationInputValidator.class);
				assertThat(catchThrowableOfType(InvalidInputException.class,
						() -> context.getBean(VmsClient.class).submit("restock", new Restock("pear", 3))))
					.hasMessage("Input event 'restock' refused: everything: is refused");
			});
	}

	@Test
	void anExplicitAbortFailsTheFutureWithTheHandlersReason() {
		this.validating.run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			client.submit("restock", new Restock("plum", 1)).get(30, TimeUnit.SECONDS);
			TransactionAbortedException aborted = abortOf(client.submit("reserve", new Reserve("plum", 3)));
			assertThat(aborted.vms()).isEqualTo("stock");
			assertThat(aborted.handler()).isEqualTo("StockService.reserve");
			assertThat(aborted.reason()).endsWith("insufficient stock");
			assertThat(aborted).hasMessageStartingWith("Transaction " + aborted.tid()
					+ " aborted in VMS 'stock', handler 'StockService.reserve': ")
				.hasMessageEndingWith("insufficient stock");
			// nothing of the aborted transaction was kept
			assertThat(client.submit("reserve", new Reserve("plum", 1)).get(30, TimeUnit.SECONDS)).isNotNull();
			assertThat(context.getBean(StockRepository.class).findById("plum"))
				.hasValueSatisfying(stock -> assertThat(stock.getQuantity()).isZero());
		});
	}

	@Test
	void anEntityConstraintViolatedByAWriteAbortsTheTransaction() {
		this.runner.run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			client.submit("restock", new Restock("fig", 1)).get(30, TimeUnit.SECONDS);
			TransactionAbortedException aborted = abortOf(client.submit("take", new Reserve("fig", 2)));
			assertThat(aborted).hasMessageContaining("aborted in VMS 'stock', handler 'StockService.take': ")
				.hasMessageContaining("quantity");
			assertThat(context.getBean(StockRepository.class).findById("fig"))
				.hasValueSatisfying(stock -> assertThat(stock.getQuantity()).isEqualTo(1));
		});
	}

	private static TransactionAbortedException abortOf(CompletableFuture<TransactionResult> future) {
		ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
		assertThat(failed).cause().isInstanceOf(TransactionAbortedException.class);
		return (TransactionAbortedException) failed.getCause();
	}

	/** How many records the application's input topic holds, over all its partitions. */
	private static long inputRecords(ApplicationContext context) throws Exception {
		KafkaLogSettings settings = context.getBean(VmodbLog.class).settings();
		String input = new TopicLayout(settings.topicPrefix()).input();
		Map<TopicPartition, OffsetSpec> ends = IntStream.range(0, settings.inputPartitions())
			.mapToObj(partition -> new TopicPartition(input, partition))
			.collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
		try (Admin admin = Admin.create(settings.clientConfig())) {
			return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream()
				.mapToLong(info -> info.offset())
				.sum();
		}
	}

}
