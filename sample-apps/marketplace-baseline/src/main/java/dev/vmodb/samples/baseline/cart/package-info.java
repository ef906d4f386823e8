/**
 * The cart service: its tables, repositories and listeners.
 */
package dev.vmodb.samples.baseline.cart;
