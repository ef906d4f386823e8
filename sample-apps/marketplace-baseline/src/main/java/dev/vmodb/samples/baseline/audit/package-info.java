/**
 * The audit's snapshot of every table, once no event is in flight.
 */
package dev.vmodb.samples.baseline.audit;
