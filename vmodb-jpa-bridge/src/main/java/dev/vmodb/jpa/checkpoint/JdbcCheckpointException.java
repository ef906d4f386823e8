package dev.vmodb.jpa.checkpoint;

/**
 * A checkpoint could not be read from or written to a VMS's database; the message names the VMS and table.
 */
public final class JdbcCheckpointException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public JdbcCheckpointException(String message, Throwable cause) {
		super(message, cause);
	}

}
