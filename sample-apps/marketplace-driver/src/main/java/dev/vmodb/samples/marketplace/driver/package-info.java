/**
 * The Online Marketplace load driver: its settings, the mix of transaction types, and the run from waiting for the
 * shop to the audit of what it did.
 */
package dev.vmodb.samples.marketplace.driver;
