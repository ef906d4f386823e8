/**
 * Recording what transactions read and wrote, and checking the recorded history: that the committed transactions
 * are serializable (and equivalent to running them one by one in TID order), and that every VMS started the
 * transactions that touch it in TID order.
 *
 * <p>A {@link dev.vmodb.core.history.HistoryRecorder} observes the stores
 * ({@link dev.vmodb.core.store.VersionedStore#observe}) and the runtime; its
 * {@link dev.vmodb.core.history.History} goes to a {@link dev.vmodb.core.history.SerializabilityChecker} and an
 * {@link dev.vmodb.core.history.ApplyOrderChecker}.
 */
package dev.vmodb.core.history;
