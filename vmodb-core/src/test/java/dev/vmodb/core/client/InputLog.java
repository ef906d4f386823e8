package dev.vmodb.core.client;

import java.util.concurrent.CompletableFuture;

import dev.vmodb.core.log.LogWriter;

/**
 * A log for tests of the client alone: it writes only input; the other channels belong to roles these tests do not
 * run.
 */
abstract class InputLog implements LogWriter {

	@Override
	public CompletableFuture<Void> appendControl(byte[] record) {
		throw new UnsupportedOperationException();
	}

	@Override
	public CompletableFuture<Void> appendEvents(String vms, byte[] record) {
		throw new UnsupportedOperationException();
	}

	@Override
	public CompletableFuture<Void> appendDone(byte[] record) {
		throw new UnsupportedOperationException();
	}

}
