package dev.vmodb.samples.crash;

import java.nio.file.Path;
import java.util.Map;

import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;

/**
 * The crash test's Kafka broker, in a process of its own so the test can kill it: the project's embedded broker on
 * a fixed port and a kept log directory, so a restarted broker has the same address, topics and records.
 *
 * <p>Arguments: the log directory and the port. Commands: {@code stop} closes the broker cleanly and exits.
 */
public final class BrokerProcess {

	private BrokerProcess() {
	}

	public static void main(String[] args) {
		Path directory = Path.of(args[0]);
		int port = Integer.parseInt(args[1]);
		EmbeddedKafkaBroker broker = EmbeddedKafkaBroker
			.start(EmbeddedBrokerSettings.defaults().withLogDirectory(directory).withPort(port));
		ParentLink.say("READY " + broker.bootstrapServers());
		ParentLink.serve(Map.of("stop", words -> {
			broker.close();
			ParentLink.say("STOPPED");
			System.exit(0);
		}));
	}

}
