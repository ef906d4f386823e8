package dev.vmodb.samples.baseline.messaging;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.kafka.support.converter.StringJacksonJsonMessageConverter;
import org.springframework.util.backoff.FixedBackOff;

import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;
import dev.vmodb.samples.baseline.events.Topics;

import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka as the services use it: the topics, JSON payloads bound to the listeners' parameter types, retries of a
 * failing handler, and, when no {@code spring.kafka.bootstrap-servers} is configured, the same one-node broker in this
 * JVM that the vMODB shop starts.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MessagingConfiguration.class);

	/** Partitions of every topic: listeners run one consumer per partition at most. */
	private final int partitions;

	MessagingConfiguration(@Value("${marketplace.kafka.partitions:4}") int partitions) {
		this.partitions = partitions;
	}

	@Bean
	KafkaAdmin.NewTopics topics() {
		return new KafkaAdmin.NewTopics(Topics.ALL.stream()
			.map((topic) -> TopicBuilder.name(topic).partitions(this.partitions).replicas(1).build())
			.toArray(NewTopic[]::new));
	}

	@Bean
	RecordMessageConverter recordMessageConverter(JsonMapper jsonMapper) {
		return new StringJacksonJsonMessageConverter(jsonMapper);
	}

	/**
	 * Retries a failing handler (a lock timeout, a duplicate that raced its twin) ten times, then logs the event and
	 * moves on: a benchmark run has no dead-letter topic to inspect.
	 */
	@Bean
	CommonErrorHandler errorHandler(InFlightEvents inFlight) {
		return new DefaultErrorHandler((record, failure) -> {
			logger.error("Giving up on {} at offset {} of {}-{}: {}", record.value(), record.offset(), record.topic(),
					record.partition(), failure.toString());
			inFlight.handled();
		}, new FixedBackOff(20, 10));
	}

	@Bean
	RecordInterceptor<Object, Object> handledEvents(InFlightEvents inFlight) {
		return new RecordInterceptor<>() {
			@Override
			public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
					Consumer<Object, Object> consumer) {
				return record;
			}

			@Override
			public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
				inFlight.handled();
			}
		};
	}

	/** The embedded broker, as vMODB's auto-configuration starts it (VmodbLog), when no cluster is configured. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(NoBootstrapServers.class)
	static class EmbeddedBroker {

		/**
		 * The broker on {@code marketplace.kafka.port} ({@code 0}, the default: a free port), so that a benchmark's
		 * admin client can reach it as it reaches the vMODB shop's ({@code vmodb.kafka.embedded.port}).
		 */
		@Bean(destroyMethod = "close")
		EmbeddedKafkaBroker embeddedKafkaBroker(@Value("${marketplace.kafka.partitions:4}") int partitions,
				@Value("${marketplace.kafka.port:0}") int port) {
			EmbeddedKafkaBroker broker = EmbeddedKafkaBroker
				.start(EmbeddedBrokerSettings.defaults().withPartitions(partitions).withPort(port));
			logger.info("Started an embedded Kafka broker at {}; set spring.kafka.bootstrap-servers to use a cluster",
					broker.bootstrapServers());
			return broker;
		}

		@Bean
		KafkaConnectionDetails kafkaConnectionDetails(EmbeddedKafkaBroker broker) {
			return () -> List.of(broker.bootstrapServers());
		}

	}

	static class NoBootstrapServers implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("spring.kafka.bootstrap-servers");
		}

	}

}
