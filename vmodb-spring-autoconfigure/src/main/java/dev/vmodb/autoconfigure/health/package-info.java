/**
 * The {@code vmodb} health contributor, one component per role and VMS, and its place in the readiness probe.
 */
package dev.vmodb.autoconfigure.health;
