/**
 * The benchmark's transactions and the closed loop that runs them: the catalogue of sellers, products and customers
 * with the driver's own knowledge of carts and prices, key choice (uniform or zipfian), and the audit's journal.
 */
package dev.vmodb.samples.marketplace.driver.workload;
