/**
 * The customer service: the repositories and listeners over its tables (the entities of
 * {@code dev.vmodb.samples.marketplace.customer}, shared with the vMODB shop).
 */
package dev.vmodb.samples.baseline.customer;
