/**
 * The records of the unified event log and their binary encoding. The log itself (Kafka, in
 * {@code vmodb-kafka-log}) only moves bytes; what the bytes mean is defined here, so every role reads them alike.
 *
 * <ul>
 * <li>input: {@link SubmissionRecord}s, many submissions of one client per record;</li>
 * <li>control: {@link ControlRecord}s written by the coordinator: the topology, sealed batches (the sequencing
 * decision) and committed batches (the commit point);</li>
 * <li>events, one channel per VMS: {@link EventBatch}es, many deliveries from one VMS per record;</li>
 * <li>acks: {@link BatchDone}, a VMS has finished its part of a batch;</li>
 * <li>registry: {@link dev.vmodb.core.topology.VmsManifest}s of the VMSs each application hosts.</li>
 * </ul>
 */
package dev.vmodb.core.protocol;
