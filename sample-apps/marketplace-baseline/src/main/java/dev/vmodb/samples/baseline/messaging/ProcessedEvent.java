package dev.vmodb.samples.baseline.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event a consumer has handled, recorded in the consumer's own transaction (the idempotent-consumer inbox).
 */
@Entity
@Table(name = "processed_events")
class ProcessedEvent {

	/** consumer, topic and request id: each request publishes an event type once. */
	@Id
	@Column(name = "id", length = 160)
	private String id;

	protected ProcessedEvent() {
	}

	ProcessedEvent(String id) {
		this.id = id;
	}

	String getId() {
		return this.id;
	}

}
