package dev.vmodb.autoconfigure;

/**
 * Thrown at start-up when nothing tells vMODB where its log is: no {@code vmodb.kafka.bootstrap-servers}, no
 * {@code KafkaConnectionDetails} it honours, and no vmodb-kafka-embedded on the class path to start a broker in the
 * JVM. Start-up failure analysis turns it into what to set or add.
 */
public class LogNotConfiguredException extends IllegalStateException {

	LogNotConfiguredException(String message) {
		super(message);
	}

}
