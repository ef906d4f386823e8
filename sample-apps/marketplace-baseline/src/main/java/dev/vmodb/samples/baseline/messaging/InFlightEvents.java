package dev.vmodb.samples.baseline.messaging;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Counts the deliveries still due in this JVM: an event published on a topic is due once to every listener of that
 * topic, and counts until each has handled it (or given up on it), so that the audit's snapshot can wait until the
 * eventually consistent flows have settled. (Across JVMs one would compare the consumer groups' committed offsets with
 * the topics' end offsets; in one JVM the count is exact and cheaper.)
 */
@Component
public class InFlightEvents {

	private static final long POLL_MILLIS = 5;

	private final AtomicLong pending = new AtomicLong();

	private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;

	private final Map<String, Integer> listenersByTopic = new ConcurrentHashMap<>();

	InFlightEvents(ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
		this.listeners = listeners;
	}

	/** An event is being sent to a topic: one delivery per listener of the topic is due. */
	void published(String topic) {
		this.pending.addAndGet(listenersOf(topic));
	}

	/** An event could not be sent: none of its deliveries is due. */
	void notPublished(String topic) {
		this.pending.addAndGet(-listenersOf(topic));
	}

	/** One listener handled one event (or gave up on it). */
	void handled() {
		this.pending.decrementAndGet();
	}

	/** Deliveries due and not yet handled. */
	public long pending() {
		return this.pending.get();
	}

	/**
	 * Waits until no delivery is due.
	 * @param timeout how long to wait at most
	 * @return whether none was due in time
	 */
	public boolean awaitSettled(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.pending.get() > 0) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	private int listenersOf(String topic) {
		return this.listenersByTopic.computeIfAbsent(topic, (name) -> {
			int count = 0;
			for (MessageListenerContainer container : this.listeners.getObject().getListenerContainers()) {
				String[] topics = container.getContainerProperties().getTopics();
				if (topics != null && Arrays.asList(topics).contains(name)) {
					count++;
				}
			}
			return count;
		});
	}

}
