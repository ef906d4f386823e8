/**
 * A one-node Kafka broker run inside the JVM, for development, tests, demonstrations and benchmarks without Docker.
 */
package dev.vmodb.kafka.embedded;
