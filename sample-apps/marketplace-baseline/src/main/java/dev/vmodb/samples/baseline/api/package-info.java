/**
 * The REST API (the vMODB shop's routes and bodies) and the requests waiting for their flows' outcomes.
 */
package dev.vmodb.samples.baseline.api;
