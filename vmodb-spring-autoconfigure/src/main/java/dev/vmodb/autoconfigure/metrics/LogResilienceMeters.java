package dev.vmodb.autoconfigure.metrics;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.vmodb.kafka.KafkaNode;

/**
 * Resilience4j's own meters ({@code resilience4j.circuitbreaker.*}, {@code resilience4j.retry.*}) for the log's
 * circuit breaker and its start-up retry. They live in the node's registries, not the application's, so
 * Resilience4j's Spring Boot integration, if present, does not bind them: binding them here counts nothing twice.
 * Breakers and retries the node adds or replaces later are followed by Resilience4j's binders.
 */
public final class LogResilienceMeters implements MeterBinder {

	private final KafkaNode node;

	/**
	 * Creates the binder.
	 * @param node the application's roles, never {@code null}
	 */
	public LogResilienceMeters(KafkaNode node) {
		this.node = node;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.node.circuitBreakers()).bindTo(registry);
		TaggedRetryMetrics.ofRetryRegistry(this.node.retries()).bindTo(registry);
	}

}
