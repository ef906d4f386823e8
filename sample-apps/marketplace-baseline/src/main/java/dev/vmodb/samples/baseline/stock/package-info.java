/**
 * The stock service: the repositories and listeners over its tables (the entities of
 * {@code dev.vmodb.samples.marketplace.stock}, shared with the vMODB shop).
 */
package dev.vmodb.samples.baseline.stock;
