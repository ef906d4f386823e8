package dev.vmodb.kafka.embedded;

/**
 * Run in its own JVM by {@link EmbeddedKafkaBrokerLifecycleTests}: starts a broker on a temporary directory, prints
 * the directory and exits without closing the broker.
 */
public final class ExitWithoutClosing {

	private ExitWithoutClosing() {
	}

	public static void main(String[] args) {
		EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults());
		System.out.println("directory=" + broker.logDirectory());
		System.out.flush();
		System.exit(0);
	}

}
