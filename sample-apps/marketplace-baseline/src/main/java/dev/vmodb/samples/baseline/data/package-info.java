/**
 * The seeded data set, generated as the vMODB shop generates it and loaded at start-up.
 */
package dev.vmodb.samples.baseline.data;
