package dev.vmodb.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads some partitions of the log (from their beginning unless told otherwise) on its own thread and hands every record, in order, to a
 * handler. Positions are not committed to Kafka: every role's state says where it is (batch ids in the records),
 * and every role ignores what it has already applied, so reading from the beginning is always correct.
 */
final class LogPump implements AutoCloseable {

	private static final Logger logger = Logger.getLogger(LogPump.class.getName());

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final Consumer<ConsumerRecord<byte[], byte[]>> handler;

	private final Thread thread;

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
		Map<String, Object> config = settings.clientConfig();
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// long polling: the broker answers as soon as one byte is there (fetch.min.bytes=1), so a long wait costs no
		// latency, while a short one would make every idle consumer poll the broker in a busy loop
		config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
		config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Math.max(1024 * 1024, settings.maxRecordBytes()));
		config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		if (!startOffsets.isEmpty()) {
			requireKept(startOffsets);
			startOffsets.forEach(this.consumer::seek);
		}
		this.handler = handler;
		this.thread = new Thread(this::pump, name);
		this.thread.setDaemon(true);
	}

	/**
	 * A start offset below the partition's first kept record means retention deleted what a role needs to recover;
	 * seeking there would silently skip to the first kept record, so refuse to start instead.
	 */
	private void requireKept(Map<TopicPartition, Long> startOffsets) {
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
		try {
			while (!this.closed) {
				for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
					try {
						this.handler.accept(record);
					}
					catch (RuntimeException ex) {
						logger.log(Level.SEVERE, this.thread.getName() + ": cannot apply record " + record.topic() + "-"
								+ record.partition() + "@" + record.offset(), ex);
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		catch (RuntimeException ex) {
			if (!this.closed) {
				logger.log(Level.SEVERE, this.thread.getName() + " stopped reading the log", ex);
			}
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
		}
	}

	@Override
	public void close() {
		this.closed = true;
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
