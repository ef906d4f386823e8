package dev.vmodb.core.api;

/**
 * What a handler does with the state of its VMS.
 */
public enum TransactionType {

	/** Reads only; a write fails the transaction. */
	READ,

	/** Writes without reading first. */
	WRITE,

	/** Reads and writes. */
	READ_WRITE;

	/**
	 * Whether handlers of this type may write.
	 * @return {@code true} unless this is {@link #READ}
	 */
	public boolean writes() {
		return this != READ;
	}

}
