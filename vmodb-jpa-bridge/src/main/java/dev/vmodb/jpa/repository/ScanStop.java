package dev.vmodb.jpa.repository;

/**
 * Ends a table scan early once its answer is known: the store's scans take a consumer and have no other way out.
 * Shared and without a stack trace, so stopping costs no allocation.
 */
final class ScanStop extends RuntimeException {

	static final ScanStop INSTANCE = new ScanStop();

	private static final long serialVersionUID = 1L;

	private ScanStop() {
		super("scan stopped", null, false, false);
	}

}
