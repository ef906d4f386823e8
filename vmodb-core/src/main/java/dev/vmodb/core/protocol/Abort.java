package dev.vmodb.core.protocol;

/**
 * Why a transaction aborted.
 *
 * @param tid the transaction
 * @param vms the VMS where it failed ({@code ""} when the coordinator rejected it)
 * @param handler the handler that failed ({@code ""} when the coordinator rejected it)
 * @param reason the failure, readable
 */
public record Abort(long tid, String vms, String handler, String reason) {
}
