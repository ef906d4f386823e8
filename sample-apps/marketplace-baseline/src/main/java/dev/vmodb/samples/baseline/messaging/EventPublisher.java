package dev.vmodb.samples.baseline.messaging;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.vmodb.samples.baseline.events.RequestOutcome;
import dev.vmodb.samples.baseline.events.Topics;

/**
 * Publishes a service's events once its local transaction has committed, so no event announces a change that rolled
 * back. There is no outbox: a crash between the commit and the send loses the event (the usual trade-off of
 * after-commit publishing; the in-JVM benchmark does not crash).
 */
@Component
public class EventPublisher {

	private final KafkaTemplate<String, Object> template;

	private final InFlightEvents inFlight;

	EventPublisher(KafkaTemplate<String, Object> template, InFlightEvents inFlight) {
		this.template = template;
		this.inFlight = inFlight;
	}

	/**
	 * Sends the event after the current transaction commits (at once outside one).
	 * @param topic the event's topic
	 * @param key the key whose events stay in order
	 * @param event the event
	 */
	public void publish(String topic, Object key, Object event) {
		afterCommit(() -> send(topic, String.valueOf(key), event));
	}

	/**
	 * Reports a request's outcome to the HTTP side after the current transaction commits (at once outside one).
	 * @param outcome the outcome
	 */
	public void report(RequestOutcome outcome) {
		publish(Topics.RESULTS, outcome.requestId(), outcome);
	}

	private void send(String topic, String key, Object event) {
		this.inFlight.published(topic);
		this.template.send(topic, key, event).whenComplete((result, failure) -> {
			if (failure != null) {
				// never consumed: it no longer counts as in flight
				this.inFlight.notPublished(topic);
			}
		});
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
