package dev.vmodb.samples.baseline.messaging;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deduplicates redelivered events: Kafka delivers at least once (a consumer that fails after its commit and before
 * committing its offset sees the event again), so each handler records the event in its own transaction and skips
 * one it has recorded before.
 */
@Component
public class ProcessedEvents {

	private final EntityManager entityManager;

	ProcessedEvents(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * Records the event for the consumer, in the caller's transaction.
	 * @param consumer the handling service
	 * @param topic the event's topic
	 * @param requestId the request the event belongs to
	 * @return whether this is the first delivery (false: handled before, skip it)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String consumer, String topic, String requestId) {
		String id = consumer + "/" + topic + "/" + requestId;
		if (this.entityManager.find(ProcessedEvent.class, id) != null) {
			return false;
		}
		// a concurrent duplicate fails the commit on the key and is retried, then skipped
		this.entityManager.persist(new ProcessedEvent(id));
		return true;
	}

	/**
	 * Whether the consumer has handled an event, as committed so far.
	 * @param consumer the handling service
	 * @param topic the event's topic
	 * @param requestId the request the event belongs to
	 * @return whether it was recorded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean handled(String consumer, String topic, String requestId) {
		return this.entityManager.find(ProcessedEvent.class, consumer + "/" + topic + "/" + requestId) != null;
	}

}
