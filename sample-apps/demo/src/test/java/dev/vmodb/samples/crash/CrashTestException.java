package dev.vmodb.samples.crash;

/**
 * The harness itself could not go on (a child did not start or stop); carries the children's log tails.
 */
final class CrashTestException extends RuntimeException {

	CrashTestException(String message, String tails) {
		super(message + "\n" + tails);
	}

}
