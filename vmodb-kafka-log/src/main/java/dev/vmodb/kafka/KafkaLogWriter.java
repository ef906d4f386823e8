package dev.vmodb.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.vmodb.core.log.LogHealth;
import dev.vmodb.core.log.LogWriter;
import dev.vmodb.core.monitor.EngineListener;

/**
 * Writes the log's records with one idempotent producer per application ({@code acks=all}), so retries never
 * duplicate or reorder a record within a partition and a record is durable when its future completes. Records are
 * packed by the engine, so the producer sees few, large records; its batch size is raised to match.
 *
 * <p>During an outage the producer itself keeps every write and retries it, in order, for
 * {@link LogResilience#deliveryTimeout()}: a protocol record must never be re-sent by the engine, since a
 * later one may already be behind it (a VMS refuses a gap in the control log). {@link LogAvailability} watches the
 * acknowledgements so that submissions fail fast meanwhile.
 */
final class KafkaLogWriter implements LogWriter, AutoCloseable {

	private final KafkaProducer<byte[], byte[]> producer;

	private final TopicLayout layout;

	private final int inputPartitions;

	private final AtomicInteger nextInputPartition = new AtomicInteger();

	private final LogAvailability availability;

	KafkaLogWriter(KafkaLogSettings settings, TopicLayout layout, String clientId) {
		this(settings, layout, clientId, CircuitBreakerRegistry.ofDefaults());
	}

	/**
	 * Creates the writer, its producer and the judge of its writes.
	 * @param settings the log
	 * @param layout its topics
	 * @param clientId the producer's client id
	 * @param breakers where the judge's circuit breaker is registered
	 */
	KafkaLogWriter(KafkaLogSettings settings, TopicLayout layout, String clientId, CircuitBreakerRegistry breakers) {
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
		// ride out outages: keep retrying, and let a send wait for metadata or buffer space as long, rather than
		// fail a record that the engine could not write again in order
		long deliveryTimeout = Math.min(Integer.MAX_VALUE, settings.resilience().deliveryTimeout().toMillis());
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout);
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeout);
		// Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms (30 s by default)
		config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, deliveryTimeout / 2));
		this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
		this.availability = new LogAvailability(settings.bootstrapServers(), settings.resilience(), breakers);
	}

	/**
	 * Whether the log takes writes, judged from this producer's acknowledgements.
	 * @return the log's health
	 */
	LogHealth health() {
		return this.availability;
	}

	/**
	 * What the log's writes look like now; answers at once.
	 * @return the state
	 */
	LogState state() {
		return this.availability.snapshot();
	}

	/**
	 * Sets what is told when the log refuses a protocol record for good.
	 * @param listener the listener
	 */
	void reportTo(EngineListener listener) {
		this.availability.reportTo(listener);
	}

	@Override
	public CompletableFuture<Void> appendInput(byte[] record) {
		int partition = Math.floorMod(this.nextInputPartition.getAndIncrement(), this.inputPartitions);
		return send(new ProducerRecord<>(this.layout.input(), partition, null, record), false);
	}

	@Override
	public CompletableFuture<Void> appendControl(byte[] record) {
		return send(new ProducerRecord<>(this.layout.control(), 0, null, record), true);
	}

	@Override
	public CompletableFuture<Void> appendEvents(String vms, byte[] record) {
		return send(new ProducerRecord<>(this.layout.events(vms), 0, null, record), true);
	}

	@Override
	public CompletableFuture<Void> appendDone(byte[] record) {
		return send(new ProducerRecord<>(this.layout.done(), 0, null, record), true);
	}

	/**
	 * Publishes the manifest of a hosted VMS; the registry is compacted, so the latest per VMS stays.
	 * @param vms the VMS
	 * @param manifest the encoded manifest
	 * @return completed when durable
	 */
	CompletableFuture<Void> register(String vms, byte[] manifest) {
		return send(new ProducerRecord<>(this.layout.registry(), 0, vms.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				manifest), true);
	}

	private CompletableFuture<Void> send(ProducerRecord<byte[], byte[]> record, boolean protocol) {
		CompletableFuture<Void> written = new CompletableFuture<>();
		long write = this.availability.writeStarted();
		try {
			this.producer.send(record, (metadata, ex) -> {
				if (ex != null) {
					this.availability.writeFailed(write, ex, protocol);
					written.completeExceptionally(ex);
				}
				else {
					this.availability.writeAcknowledged(write);
					written.complete(null);
				}
			});
		}
		catch (RuntimeException ex) {
			this.availability.writeFailed(write, ex, protocol);
			written.completeExceptionally(ex);
		}
		return written;
	}

	@Override
	public void close() {
		// writes the closing producer abandons are not the log's failures
		this.availability.close();
		this.producer.close(Duration.ofSeconds(10));
	}

}
