/**
 * The {@code vmodb} Actuator endpoint: what the application's roles are doing, read from their status without
 * waiting for the log.
 */
package dev.vmodb.autoconfigure.actuate;
