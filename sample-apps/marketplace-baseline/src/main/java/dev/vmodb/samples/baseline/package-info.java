/**
 * The Online Marketplace shop without vMODB: eight services as packages, Spring Kafka between them, one local
 * transaction per event.
 */
package dev.vmodb.samples.baseline;
