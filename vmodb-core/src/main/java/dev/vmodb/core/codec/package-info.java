/**
 * Compact binary serialisation of event records, built once per record type and free of reflection when running.
 */
package dev.vmodb.core.codec;
