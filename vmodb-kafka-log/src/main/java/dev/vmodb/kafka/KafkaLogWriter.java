package dev.vmodb.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.vmodb.core.log.LogWriter;

/**
 * Writes the log's records with one idempotent producer per application ({@code acks=all}), so retries never
 * duplicate or reorder a record within a partition and a record is durable when its future completes. Records are
 * packed by the engine, so the producer sees few, large records; its batch size is raised to match.
 */
final class KafkaLogWriter implements LogWriter, AutoCloseable {

	private final KafkaProducer<byte[], byte[]> producer;

	private final TopicLayout layout;

	private final int inputPartitions;

	private final AtomicInteger nextInputPartition = new AtomicInteger();

	KafkaLogWriter(KafkaLogSettings settings, TopicLayout layout, String clientId) {
		this.layout = layout;
		this.inputPartitions = settings.inputPartitions();
		Map<String, Object> config = settings.clientConfig();
		config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		// the engine already packs; a short linger only gathers the records of concurrent VMSs into one request
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
		config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024);
		config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, settings.maxRecordBytes());
		config.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(64L * 1024 * 1024, 4L * settings.maxRecordBytes()));
		this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
	}

	@Override
	public CompletableFuture<Void> appendInput(byte[] record) {
		int partition = Math.floorMod(this.nextInputPartition.getAndIncrement(), this.inputPartitions);
		return send(new ProducerRecord<>(this.layout.input(), partition, null, record));
	}

	@Override
	public CompletableFuture<Void> appendControl(byte[] record) {
		return send(new ProducerRecord<>(this.layout.control(), 0, null, record));
	}

	@Override
	public CompletableFuture<Void> appendEvents(String vms, byte[] record) {
		return send(new ProducerRecord<>(this.layout.events(vms), 0, null, record));
	}

	@Override
	public CompletableFuture<Void> appendDone(byte[] record) {
		return send(new ProducerRecord<>(this.layout.done(), 0, null, record));
	}

	/**
	 * Publishes the manifest of a hosted VMS; the registry is compacted, so the latest per VMS stays.
	 * @param vms the VMS
	 * @param manifest the encoded manifest
	 * @return completed when durable
	 */
	CompletableFuture<Void> register(String vms, byte[] manifest) {
		return send(new ProducerRecord<>(this.layout.registry(), 0, vms.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				manifest));
	}

	private CompletableFuture<Void> send(ProducerRecord<byte[], byte[]> record) {
		CompletableFuture<Void> written = new CompletableFuture<>();
		try {
			this.producer.send(record, (metadata, ex) -> {
				if (ex != null) {
					written.completeExceptionally(ex);
				}
				else {
					written.complete(null);
				}
			});
		}
		catch (RuntimeException ex) {
			written.completeExceptionally(ex);
		}
		return written;
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(10));
	}

}
