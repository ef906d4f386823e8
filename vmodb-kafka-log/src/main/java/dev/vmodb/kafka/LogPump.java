package dev.vmodb.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.github.resilience4j.core.IntervalFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads some partitions of the log (from their beginning unless told otherwise) on its own thread and hands every record, in order, to a
 * handler. Positions are not committed to Kafka: every role's state says where it is (batch ids in the records),
 * and every role ignores what it has already applied, so reading from the beginning is always correct.
 *
 * <p>A pump never stops reading while it is open. The consumer rides out a broker outage by itself (polls return
 * nothing until the broker is back); if a poll throws nevertheless, the pump logs it, waits with exponential backoff
 * up to {@link LogResilience#maxRetryBackoff()}, seeks every partition to the record after the last one it handed
 * on (or to where it started) and polls again, so no record is skipped or handed on twice.
 */
final class LogPump implements AutoCloseable {

	private static final Logger logger = Logger.getLogger(LogPump.class.getName());

	private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;

	private final Consumer<ConsumerRecord<byte[], byte[]>> handler;

	private final Thread thread;

	private final IntervalFunction backoff;

	private final List<TopicPartition> partitions;

	/** Where to read each partition from after a failed poll: after the last record handed on, or the start. */
	private final Map<TopicPartition, Long> resumeAt;

	/** Records behind each partition's end, as of the last poll (the consumer's view; absent before it knows). */
	private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();

	/**
	 * The partitions with records written before the pump started that it has not handed on yet, each with the
	 * offset it must reach: {@code null} until the pump has asked where the partitions end.
	 */
	private volatile Map<TopicPartition, Long> backlog;

	private final CountDownLatch closing = new CountDownLatch(1);

	private volatile boolean closed;

	LogPump(String name, KafkaLogSettings settings, List<TopicPartition> partitions,
			Consumer<ConsumerRecord<byte[], byte[]>> handler) {
		this(name, settings, partitions, Map.of(), handler);
	}

	/**
	 * Creates a pump.
	 * @param name its thread's and client's name
	 * @param settings the log
	 * @param partitions what it reads
	 * @param startOffsets where to start in some partitions; the others are read from their beginning
	 * @param handler what takes each record
	 */
	LogPump(String name, KafkaLogSettings settings, List<TopicPartition> partitions, Map<TopicPartition, Long> startOffsets,
			Consumer<ConsumerRecord<byte[], byte[]>> handler) {
		this(name, consumer(name, settings), partitions, startOffsets, backoff(settings.resilience()), handler);
	}

	/**
	 * Creates a pump over a given consumer.
	 * @param name its thread's name
	 * @param consumer the consumer, owned by the pump from now on
	 * @param partitions what it reads
	 * @param startOffsets where to start in some partitions; the others are read from their beginning
	 * @param backoff the pause before the n-th consecutive retry of a failed poll, in milliseconds
	 * @param handler what takes each record
	 */
	LogPump(String name, org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
			List<TopicPartition> partitions, Map<TopicPartition, Long> startOffsets, IntervalFunction backoff,
			Consumer<ConsumerRecord<byte[], byte[]>> handler) {
		this.consumer = consumer;
		this.partitions = List.copyOf(partitions);
		this.resumeAt = new ConcurrentHashMap<>(startOffsets);
		this.backoff = backoff;
		this.handler = handler;
		this.consumer.assign(partitions);
		requireKept(startOffsets);
		seekToResume();
		this.thread = new Thread(this::pump, name);
		this.thread.setDaemon(true);
	}

	private static KafkaConsumer<byte[], byte[]> consumer(String name, KafkaLogSettings settings) {
		Map<String, Object> config = settings.clientConfig();
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// long polling: the broker answers as soon as one byte is there (fetch.min.bytes=1), so a long wait costs no
		// latency, while a short one would make every idle consumer poll the broker in a busy loop
		config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
		config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Math.max(1024 * 1024, settings.maxRecordBytes()));
		config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	/**
	 * The pauses between retries of a failed poll: 100 ms, doubling, up to the configured maximum.
	 * @param resilience the settings
	 * @return the pause before the n-th consecutive retry, in milliseconds
	 */
	static IntervalFunction backoff(LogResilience resilience) {
		long max = resilience.maxRetryBackoff().toMillis();
		return IntervalFunction.ofExponentialBackoff(Math.min(100, max), 2.0, max);
	}

	/**
	 * A start offset below the partition's first kept record means retention deleted what a role needs to recover;
	 * seeking there would silently skip to the first kept record, so refuse to start instead.
	 */
	private void requireKept(Map<TopicPartition, Long> startOffsets) {
		if (startOffsets.isEmpty()) {
			return;
		}
		Map<TopicPartition, Long> beginnings = this.consumer.beginningOffsets(startOffsets.keySet());
		startOffsets.forEach((partition, start) -> {
			long beginning = beginnings.getOrDefault(partition, 0L);
			if (start < beginning) {
				this.consumer.close(Duration.ZERO);
				throw new IllegalStateException("Recovery needs " + partition + " from offset " + start
						+ " but the log keeps it only from offset " + beginning + "; its retention deleted records not yet "
						+ "checkpointed (vMODB creates its topics with unlimited retention: was the topic changed?)");
			}
		});
	}

	void start() {
		this.thread.start();
	}

	private void pump() {
		int failures = 0;
		try {
			while (!this.closed) {
				ConsumerRecords<byte[], byte[]> records;
				try {
					if (failures > 0) {
						seekToResume();
					}
					if (this.backlog == null) {
						this.backlog = backlogAtStart();
					}
					records = this.consumer.poll(Duration.ofMillis(100));
				}
				catch (WakeupException ex) {
					throw ex;
				}
				catch (RuntimeException ex) {
					if (this.closed) {
						return;
					}
					failures++;
					long pause = this.backoff.apply(failures);
					logger.log(Level.WARNING, this.thread.getName() + " could not read the log (failure " + failures
							+ " in a row); reading on from the last record applied in " + pause + " ms", ex);
					if (this.closing.await(pause, TimeUnit.MILLISECONDS)) {
						return;
					}
					continue;
				}
				if (failures > 0) {
					int after = failures;
					logger.info(() -> this.thread.getName() + " reads the log again after " + after + " failed attempt(s)");
					failures = 0;
				}
				// partition by partition, as the records' own iterator goes; the resume point is noted once per
				// partition and poll (a handler's failure is logged, not retried, so nothing else can interrupt the loop)
				for (TopicPartition partition : records.partitions()) {
					List<ConsumerRecord<byte[], byte[]>> polled = records.records(partition);
					for (ConsumerRecord<byte[], byte[]> record : polled) {
						try {
							this.handler.accept(record);
						}
						catch (RuntimeException ex) {
							logger.log(Level.SEVERE, this.thread.getName() + ": cannot apply record " + record.topic() + "-"
									+ record.partition() + "@" + record.offset(), ex);
						}
					}
					long next = polled.get(polled.size() - 1).offset() + 1;
					this.resumeAt.put(partition, next);
					this.backlog.computeIfPresent(partition, (p, end) -> (next >= end) ? null : end);
				}
				for (TopicPartition partition : this.partitions) {
					this.consumer.currentLag(partition).ifPresent(behind -> this.lag.put(partition, behind));
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
		}
	}

	/**
	 * Runs on the pump's thread before its first poll: where each partition ends now and where the pump stands, so
	 * it can tell when it has handed on everything written before it started.
	 */
	private Map<TopicPartition, Long> backlogAtStart() {
		Map<TopicPartition, Long> behind = new ConcurrentHashMap<>();
		this.consumer.endOffsets(this.partitions).forEach((partition, end) -> {
			if (this.consumer.position(partition) < end) {
				behind.put(partition, end);
			}
		});
		return behind;
	}

	/**
	 * Whether the pump has handed on every record a partition held when the pump started; answers at once.
	 * @param partition one of the pump's partitions
	 * @return whether it has caught up with it
	 */
	boolean caughtUp(TopicPartition partition) {
		Map<TopicPartition, Long> behind = this.backlog;
		return behind != null && !behind.containsKey(partition);
	}

	/**
	 * How many records each partition's end is ahead of the pump, as of its last poll; answers at once.
	 * @return the lag by partition (a partition is missing until the consumer knows its end)
	 */
	Map<TopicPartition, Long> lag() {
		return Map.copyOf(this.lag);
	}

	/** Seeks every partition to where reading resumes: after the last record handed on, else where it started. */
	private void seekToResume() {
		List<TopicPartition> fromBeginning = new ArrayList<>();
		for (TopicPartition partition : this.partitions) {
			Long offset = this.resumeAt.get(partition);
			if (offset != null) {
				this.consumer.seek(partition, offset);
			}
			else {
				fromBeginning.add(partition);
			}
		}
		if (!fromBeginning.isEmpty()) {
			this.consumer.seekToBeginning(fromBeginning);
		}
	}

	/**
	 * Whether the pump's thread is reading, for tests and diagnostics.
	 * @return whether it runs
	 */
	boolean running() {
		return this.thread.isAlive();
	}

	@Override
	public void close() {
		this.closed = true;
		this.closing.countDown();
		if (this.thread.getState() == Thread.State.NEW) {
			this.consumer.close(Duration.ZERO);
			return;
		}
		this.consumer.wakeup();
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
