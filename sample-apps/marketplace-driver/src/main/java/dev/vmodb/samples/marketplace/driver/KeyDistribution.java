package dev.vmodb.samples.marketplace.driver;

/**
 * How sellers and products are chosen.
 */
public enum KeyDistribution {

	/** Every seller and product equally likely. */
	UNIFORM,

	/** Zipfian over the index (sellers by id, products by seller then id): the first ones are the hot ones. */
	ZIPFIAN

}
