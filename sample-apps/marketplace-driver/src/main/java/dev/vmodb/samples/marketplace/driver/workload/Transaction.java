package dev.vmodb.samples.marketplace.driver.workload;

import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * One transaction type's run: choose its keys, send its requests, record the answers.
 */
interface Transaction {

	/**
	 * Runs one transaction (or nothing, when no free customer or product was found).
	 * @param random the slot's random source; used only until the returned future completes
	 * @return completes when every request of the transaction was answered and recorded
	 */
	CompletableFuture<Void> run(RandomGenerator random);

}
