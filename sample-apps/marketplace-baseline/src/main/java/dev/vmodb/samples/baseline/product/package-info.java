/**
 * The product service: its tables, repositories and listeners.
 */
package dev.vmodb.samples.baseline.product;
