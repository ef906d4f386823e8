/**
 * Checkpoints of a VMS's committed state into its JDBC database (H2), written with batched JDBC.
 */
package dev.vmodb.jpa.checkpoint;
