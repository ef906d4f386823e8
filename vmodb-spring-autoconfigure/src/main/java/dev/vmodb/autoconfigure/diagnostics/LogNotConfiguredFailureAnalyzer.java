package dev.vmodb.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.vmodb.autoconfigure.LogNotConfiguredException;

/**
 * Says what to set or add when an application names no Kafka cluster for its log and has no embedded broker.
 */
class LogNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<LogNotConfiguredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LogNotConfiguredException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set vmodb.kafka.bootstrap-servers to your Kafka cluster (or spring.kafka.bootstrap-servers, or declare "
						+ "a KafkaConnectionDetails bean such as a @ServiceConnection container), or add "
						+ "dev.vmodb:vmodb-kafka-embedded to run a broker in the JVM for development and tests.",
				cause);
	}

}
