package dev.vmodb.core.tx;

/**
 * The seed of a handler run's random source: a function of its TID and handler only, so every run of that handler
 * in that transaction (the first, a re-run after an abort, a replay after a crash) draws the same values, while
 * different transactions and handlers draw unrelated ones.
 */
final class TransactionSeed {

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private TransactionSeed() {
	}

	/**
	 * The seed of one handler run.
	 * @param tid the transaction
	 * @param handler the handler's name
	 * @return the seed
	 */
	static long of(long tid, String handler) {
		// String.hashCode has 32 bits and collides easily; FNV-1a over the characters is specified, hence the same
		// in every JVM, which a replay on another machine needs
		long hash = FNV_OFFSET;
		for (int i = 0; i < handler.length(); i++) {
			hash = (hash ^ handler.charAt(i)) * FNV_PRIME;
		}
		return mix(mix(tid) ^ hash);
	}

	/** The finaliser of SplitMix64 (Stafford's variant 13): every input bit affects every output bit. */
	static long mix(long value) {
		long z = value + 0x9e3779b97f4a7c15L;
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

}
