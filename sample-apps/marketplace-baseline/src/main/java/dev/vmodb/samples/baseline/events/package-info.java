/**
 * The events the services exchange, the topics they travel on and the outcomes reported to the API.
 */
package dev.vmodb.samples.baseline.events;
