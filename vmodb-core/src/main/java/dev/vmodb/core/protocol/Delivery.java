package dev.vmodb.core.protocol;

/**
 * An event delivered to one node of a transaction's plan, or the news that the node will get none.
 *
 * @param tid the transaction
 * @param node the index of the receiving node in the transaction's plan
 * @param kind whether an event, a skip or an abort arrives
 * @param payload the encoded event for {@link Kind#EVENT}, otherwise empty
 */
public record Delivery(long tid, int node, Kind kind, byte[] payload) {

	private static final byte[] NONE = new byte[0];

	public static Delivery event(long tid, int node, byte[] payload) {
		return new Delivery(tid, node, Kind.EVENT, payload);
	}

	public static Delivery without(long tid, int node, Kind kind) {
		return new Delivery(tid, node, kind, NONE);
	}

	/** What arrives. */
	public enum Kind {

		/** The parent emitted an event: run the handler. */
		EVENT,

		/** The parent emitted nothing ({@code null}): skip the handler and its descendants. */
		SKIP,

		/** The transaction aborted upstream: skip the handler and its descendants. */
		ABORT

	}

}
