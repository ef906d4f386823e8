/**
 * The customer service: its tables, repositories and listeners.
 */
package dev.vmodb.samples.baseline.customer;
