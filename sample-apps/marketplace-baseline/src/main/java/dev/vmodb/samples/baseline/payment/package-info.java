/**
 * The payment service: the repositories and listeners over its tables (the entities of
 * {@code dev.vmodb.samples.marketplace.payment}, shared with the vMODB shop).
 */
package dev.vmodb.samples.baseline.payment;
