/**
 * Kafka as the services use it: publishing after commit, deduplicating redeliveries, counting events in flight.
 */
package dev.vmodb.samples.baseline.messaging;
