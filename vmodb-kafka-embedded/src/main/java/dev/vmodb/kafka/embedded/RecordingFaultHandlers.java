package dev.vmodb.kafka.embedded;

import java.util.concurrent.atomic.AtomicReference;

import kafka.server.FaultHandlerFactory;
import org.apache.kafka.server.fault.FaultHandler;
import org.apache.kafka.server.fault.FaultHandlerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault handlers that log a fault and remember the first fatal one, instead of halting the JVM.
 *
 * <p>A standalone Kafka server halts its process on a fatal fault (a corrupt metadata log, a controller that cannot
 * start). Embedded, that process is the application or the test run, so the fault is logged and reported when the
 * broker closes.
 */
final class RecordingFaultHandlers implements FaultHandlerFactory {

	private final Logger logger;

	private final AtomicReference<FaultHandlerException> firstFatalFault = new AtomicReference<>();

	RecordingFaultHandlers() {
		this(LoggerFactory.getLogger(EmbeddedKafkaBroker.class));
	}

	RecordingFaultHandlers(Logger logger) {
		this.logger = logger;
	}

	@Override
	public FaultHandler build(String name, boolean fatal, Runnable action) {
		return (message, cause) -> {
			this.logger.error("Embedded Kafka broker: {} {}fault: {}", name, fatal ? "fatal " : "", message, cause);
			try {
				action.run();
			}
			catch (RuntimeException ex) {
				this.logger.error("Embedded Kafka broker: the action for a {} fault failed", name, ex);
			}
			FaultHandlerException fault = new FaultHandlerException(name + ": " + message, cause);
			if (fatal) {
				this.firstFatalFault.compareAndSet(null, fault);
			}
			return fault;
		};
	}

	/**
	 * The first fatal fault.
	 * @return the fault, or {@code null} if none occurred
	 */
	FaultHandlerException firstFatalFault() {
		return this.firstFatalFault.get();
	}

}
