package dev.vmodb.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.github.resilience4j.core.IntervalFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a {@link LogPump} goes on reading after its consumer throws, from the record after the last one it
 * handed on. Kafka's {@link MockConsumer} stands in for the consumer: a real broker's consumer rides out an outage
 * without throwing, so the failures a pump must survive cannot be provoked on demand there.
 */
class LogPumpUnitTests {

	private final TopicPartition control = new TopicPartition("control", 0);

	private final TopicPartition events = new TopicPartition("events", 0);

	private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

	private final List<String> handed = new CopyOnWriteArrayList<>();

	private LogPump pump;

	@AfterEach
	void close() {
		if (this.pump != null) {
			this.pump.close();
		}
	}

	@Test
	void aPollThatThrowsIsRetriedFromTheRecordAfterTheLastHandedOn() throws Exception {
		this.consumer.updateBeginningOffsets(Map.of(this.control, 0L, this.events, 0L));
		this.consumer.updateEndOffsets(Map.of(this.control, 0L, this.events, 3L));
		this.pump = new LogPump("test-pump", this.consumer, List.of(this.control, this.events), Map.of(this.events, 3L),
				IntervalFunction.ofExponentialBackoff(5, 2.0, 40), record -> this.handed.add(record.topic() + "@" + record.offset()));
		this.pump.start();
		add(this.control, 0);
		add(this.control, 1);
		add(this.events, 3);
		awaitHanded(3);

		AtomicInteger failures = new AtomicInteger();
		for (int i = 0; i < 4; i++) {
			this.consumer.schedulePollTask(() -> {
				failures.incrementAndGet();
				throw new KafkaException("broker went away");
			});
		}
		awaitCondition(() -> failures.get() == 4);
		add(this.control, 2);
		add(this.events, 4);
		awaitHanded(5);

		assertThat(this.handed).containsExactly("control@0", "control@1", "events@3", "control@2", "events@4");
		assertThat(this.pump.running()).isTrue();
		assertThat(this.consumer.position(this.control)).isEqualTo(3);
		assertThat(this.consumer.position(this.events)).isEqualTo(5);
	}

	@Test
	void aHandlerThatThrowsDoesNotStopThePump() throws Exception {
		this.consumer.updateBeginningOffsets(Map.of(this.control, 0L));
		this.consumer.updateEndOffsets(Map.of(this.control, 0L));
		this.pump = new LogPump("test-pump", this.consumer, List.of(this.control), Map.of(),
				IntervalFunction.of(5), record -> {
					if (record.offset() == 0) {
						throw new IllegalStateException("bad record");
					}
					this.handed.add("control@" + record.offset());
				});
		this.pump.start();
		add(this.control, 0);
		add(this.control, 1);
		awaitHanded(1);
		assertThat(this.handed).containsExactly("control@1");
		assertThat(this.pump.running()).isTrue();
	}

	@Test
	void itTellsWhenItHasHandedOnWhatThePartitionsHeldWhenItStarted() throws Exception {
		this.consumer.updateBeginningOffsets(Map.of(this.control, 0L, this.events, 0L));
		// written before the pump started: two control records, no events
		this.consumer.updateEndOffsets(Map.of(this.control, 2L, this.events, 0L));
		this.pump = new LogPump("test-pump", this.consumer, List.of(this.control, this.events), Map.of(),
				IntervalFunction.of(5), record -> this.handed.add("control@" + record.offset()));
		assertThat(this.pump.caughtUp(this.control)).isFalse();
		this.pump.start();
		add(this.control, 0);
		awaitHanded(1);
		awaitCondition(() -> this.pump.caughtUp(this.events));
		assertThat(this.pump.caughtUp(this.control)).isFalse();
		add(this.control, 1);
		awaitHanded(2);
		awaitCondition(() -> this.pump.caughtUp(this.control));
		assertThat(this.pump.lag()).containsKeys(this.control);
	}

	@Test
	void closingStopsThePumpWhileItBacksOff() throws Exception {
		this.consumer.updateBeginningOffsets(Map.of(this.control, 0L));
		this.consumer.updateEndOffsets(Map.of(this.control, 0L));
		this.pump = new LogPump("test-pump", this.consumer, List.of(this.control), Map.of(),
				IntervalFunction.of(60_000), record -> this.handed.add("control@" + record.offset()));
		AtomicInteger failures = new AtomicInteger();
		this.consumer.schedulePollTask(() -> {
			failures.incrementAndGet();
			throw new KafkaException("broker went away");
		});
		this.pump.start();
		awaitCondition(() -> failures.get() == 1);

		long start = System.nanoTime();
		this.pump.close();

		assertThat(this.pump.running()).isFalse();
		assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
		assertThat(this.consumer.closed()).isTrue();
	}

	private void add(TopicPartition partition, long offset) {
		this.consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, new byte[0],
				new byte[0]));
	}

	private void awaitHanded(int count) throws InterruptedException {
		awaitCondition(() -> this.handed.size() >= count);
		assertThat(this.handed).hasSize(count);
	}

	private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

}
