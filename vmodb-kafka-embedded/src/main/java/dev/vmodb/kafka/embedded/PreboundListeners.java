package dev.vmodb.kafka.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.network.Selectable;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.server.ServerSocketFactory;

/**
 * The broker's two listeners, bound before the broker is configured and handed to it when it opens them.
 *
 * <p>The controller's port has to be written into the broker's configuration (the quorum voters) before the
 * broker starts, so it is bound first and kept open: no other process can take a free port between choosing it and
 * the broker binding it.
 */
final class PreboundListeners implements ServerSocketFactory, AutoCloseable {

	static final String HOST = "127.0.0.1";

	static final String BROKER = "PLAINTEXT";

	static final String CONTROLLER = "CONTROLLER";

	private final Map<String, ServerSocketChannel> unclaimed = new HashMap<>();

	private final int brokerPort;

	private final int controllerPort;

	private PreboundListeners(ServerSocketChannel broker, ServerSocketChannel controller) {
		this.unclaimed.put(BROKER, broker);
		this.unclaimed.put(CONTROLLER, controller);
		this.brokerPort = broker.socket().getLocalPort();
		this.controllerPort = controller.socket().getLocalPort();
	}

	/**
	 * Binds the client listener to the given port and the controller listener to a free one.
	 * @param brokerPort the port for clients, or {@code 0} for a free one
	 * @return the bound listeners
	 * @throws IOException if a port cannot be bound
	 */
	static PreboundListeners bind(int brokerPort) throws IOException {
		ServerSocketChannel broker = open(BROKER, brokerPort);
		try {
			return new PreboundListeners(broker, open(CONTROLLER, 0));
		}
		catch (IOException | RuntimeException ex) {
			Utils.closeQuietly(broker, "broker listener");
			throw ex;
		}
	}

	private static ServerSocketChannel open(String listener, int port) throws IOException {
		// Kafka's own factory, so the channel is non-blocking as the socket server expects; the receive buffer is
		// left to the OS, which tunes it (Kafka's default of 100 KiB would pin it).
		return ServerSocketFactory.INSTANCE.openServerSocket(listener, new InetSocketAddress(HOST, port), -1,
				Selectable.USE_DEFAULT_BUFFER_SIZE);
	}

	int brokerPort() {
		return this.brokerPort;
	}

	int controllerPort() {
		return this.controllerPort;
	}

	@Override
	public synchronized ServerSocketChannel openServerSocket(String listenerName, InetSocketAddress socketAddress,
			int listenBacklogSize, int recvBufferSize) throws IOException {
		ServerSocketChannel channel = this.unclaimed.remove(listenerName);
		if (channel != null) {
			return channel;
		}
		return ServerSocketFactory.INSTANCE.openServerSocket(listenerName, socketAddress, listenBacklogSize,
				recvBufferSize);
	}

	/**
	 * Closes the listeners the broker did not claim; the ones it claimed are its own to close.
	 */
	@Override
	public synchronized void close() {
		this.unclaimed.forEach((listener, channel) -> Utils.closeQuietly(channel, listener + " listener"));
		this.unclaimed.clear();
	}

}
