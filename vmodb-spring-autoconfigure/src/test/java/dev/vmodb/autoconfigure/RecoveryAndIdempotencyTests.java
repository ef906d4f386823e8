package dev.vmodb.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import dev.vmodb.autoconfigure.clientonly.ClientOnlyConfiguration;
import dev.vmodb.autoconfigure.stock.Stock;
import dev.vmodb.autoconfigure.stock.StockConfiguration;
import dev.vmodb.autoconfigure.stock.StockRepository;
import dev.vmodb.autoconfigure.stock.StockService.Reserve;
import dev.vmodb.autoconfigure.stock.StockService.Restock;
import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.codec.RecordCodec;
import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.ProtocolCodec;
import dev.vmodb.core.protocol.Submission;
import dev.vmodb.core.protocol.SubmissionRecord;
import dev.vmodb.kafka.KafkaLogSettings;
import dev.vmodb.kafka.KafkaNode;
import dev.vmodb.kafka.TopicLayout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Durability on a real broker: a resubmitted request with an idempotency key is answered with its first outcome
 * and runs once, whether it comes from another application or after the coordinator restarted; a coordinator that
 * crashed between a batch's sealing decision and its input events leaves a batch its successor completes.
 */
class RecoveryAndIdempotencyTests {

	private static final AtomicInteger deployments = new AtomicInteger();

	/** The applications of one deployment: they share the application name, hence the log's topics. */
	private static ApplicationContextRunner deployment(String name, Class<?> configuration) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VmodbAutoConfiguration.class, VmodbRepositoriesAutoConfiguration.class))
			.withUserConfiguration(configuration)
			.withPropertyValues("vmodb.kafka.bootstrap-servers=" + SharedBroker.bootstrapServers(), "vmodb.application-name=" + name);
	}

	@Test
	void aRequestResubmittedByAnotherApplicationGetsTheFirstOutcomeAndRunsOnce() {
		String name = "idempotent-" + deployments.incrementAndGet();
		ApplicationContextRunner stock = deployment(name, StockConfiguration.class);
		ApplicationContextRunner frontEnd = deployment(name, ClientOnlyConfiguration.class)
			.withPropertyValues("vmodb.coordinator.enabled=false");
		stock.run(context -> {
			VmsClient client = context.getBean(VmsClient.class);
			TransactionResult restocked = client.submit("restock", new Restock("pear", 5), "restock-pear-1")
				.get(30, TimeUnit.SECONDS);
			TransactionAbortedException refused = abortOf(client.submit("reserve", new Reserve("pear", 9), "reserve-pear-1"));

			// a second application (another client, as after the submitter restarted) sends both requests again
			frontEnd.run(other -> {
				assertThat(other).hasNotFailed();
				VmsClient resubmitter = other.getBean(VmsClient.class);
				TransactionResult again = resubmitter.submit("restock", new Restock("pear", 5), "restock-pear-1")
					.get(30, TimeUnit.SECONDS);
				assertThat(again.tid()).isEqualTo(restocked.tid());
				assertThat(again.batch()).isEqualTo(restocked.batch());
				assertThat(again.outputs()).isEqualTo(restocked.outputs());
				TransactionAbortedException refusedAgain = abortOf(
						resubmitter.submit("reserve", new Reserve("pear", 9), "reserve-pear-1"));
				assertThat(refusedAgain.tid()).isEqualTo(refused.tid());
				assertThat(refusedAgain.vms()).isEqualTo("stock");
				assertThat(refusedAgain.handler()).isEqualTo(refused.handler());
				assertThat(refusedAgain.reason()).isEqualTo("insufficient stock");
				// a new key runs
				assertThat(resubmitter.submit("restock", new Restock("pear", 1), "restock-pear-2").get(30, TimeUnit.SECONDS)
					.tid()).isGreaterThan(refused.tid());
			});
			// the first restock applied once (twice would make 11), then the new one
			awaitQuantity(context, "pear", 6);
		});
	}

	@Test
	void aRestartedCoordinatorAnswersKeysItSequencedBefore() {
		ApplicationContextRunner stock = deployment("remembering-" + deployments.incrementAndGet(), StockConfiguration.class);
		long[] first = new long[2];
		stock.run(context -> {
			TransactionResult restocked = context.getBean(VmsClient.class)
				.submit("restock", new Restock("plum", 4), "restock-plum-1")
				.get(30, TimeUnit.SECONDS);
			first[0] = restocked.tid();
			first[1] = restocked.batch();
		});
		// the application restarts: a new coordinator (from the control log) and a new client; its database was in
		// memory, so the VMS rebuilds its state by replaying the log
		stock.run(context -> {
			TransactionResult again = context.getBean(VmsClient.class)
				.submit("restock", new Restock("plum", 4), "restock-plum-1")
				.get(30, TimeUnit.SECONDS);
			assertThat(again.tid()).isEqualTo(first[0]);
			assertThat(again.batch()).isEqualTo(first[1]);
			awaitQuantity(context, "plum", 4);
		});
	}

	@Test
	void aBatchSealedJustBeforeACoordinatorCrashIsCompletedByItsSuccessor() throws Exception {
		ApplicationContextRunner stock = deployment("resending-" + deployments.incrementAndGet(), StockConfiguration.class);
		long[] before = new long[2];
		int[] restockType = new int[1];
		KafkaLogSettings[] log = new KafkaLogSettings[1];
		stock.run(context -> {
			TransactionResult first = context.getBean(VmsClient.class)
				.submit("restock", new Restock("kiwi", 1))
				.get(30, TimeUnit.SECONDS);
			before[0] = first.tid();
			before[1] = first.batch();
			restockType[0] = context.getBean(KafkaNode.class).topology().plan("restock").type();
			log[0] = context.getBean(VmodbLog.class).settings();
		});
		// what a coordinator crashing right after sealing a batch leaves: the input record and the batch's sealing
		// decision, but not its input events (written once the application stopped, so it does not sequence the
		// record itself)
		KafkaLogSettings settings = log[0];
		TopicLayout layout = new TopicLayout(settings.topicPrefix());
		long offset = endOffset(settings, new TopicPartition(layout.input(), 0));
		byte[] payload = RecordCodec.of(Restock.class).encode(new Restock("kiwi", 3));
		long crashedClient = 4242;
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(settings))) {
			producer.send(new ProducerRecord<>(layout.input(), 0, null, ProtocolCodec.encode(new SubmissionRecord(
					crashedClient, 1, List.of(new Submission("restock", payload)))))).get(30, TimeUnit.SECONDS);
			producer.send(new ProducerRecord<>(layout.control(), 0, null, ProtocolCodec.encode(new BatchSealed(before[1] + 1,
					before[0] + 1, new int[] { restockType[0] }, List.of(new BatchSealed.InputRange(0, offset, offset + 1)),
					List.of(new BatchSealed.Origin(crashedClient, 1, 1)), System.currentTimeMillis(), List.of()))))
				.get(30, TimeUnit.SECONDS);
		}

		stock.run(context -> {
			// later batches commit only after the undecided one: this one's commit shows it was completed
			TransactionResult next = context.getBean(VmsClient.class)
				.submit("restock", new Restock("kiwi", 10))
				.get(30, TimeUnit.SECONDS);
			assertThat(next.tid()).isEqualTo(before[0] + 2);
			awaitQuantity(context, "kiwi", 14);
		});
	}

	/**
	 * Waits for an item's committed quantity here: a future completes when the commit decision is in the log, and a
	 * VMS replaying the log at start-up may apply it a little later.
	 */
	private static void awaitQuantity(ApplicationContext context, String item, long expected) throws InterruptedException {
		StockRepository stocks = context.getBean(StockRepository.class);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (stocks.findById(item).map(Stock::getQuantity).orElse(-1L) != expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(stocks.findById(item)).hasValueSatisfying(stock -> assertThat(stock.getQuantity()).isEqualTo(expected));
	}

	private static TransactionAbortedException abortOf(CompletableFuture<TransactionResult> future) {
		ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
		assertThat(failed).cause().isInstanceOf(TransactionAbortedException.class);
		return (TransactionAbortedException) failed.getCause();
	}

	private static long endOffset(KafkaLogSettings settings, TopicPartition partition) throws Exception {
		try (Admin admin = Admin.create(settings.clientConfig())) {
			return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS)
				.get(partition).offset();
		}
	}

	private static Map<String, Object> producerConfig(KafkaLogSettings settings) {
		Map<String, Object> config = new java.util.HashMap<>(settings.clientConfig());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return config;
	}

}
