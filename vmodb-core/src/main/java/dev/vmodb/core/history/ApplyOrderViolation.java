package dev.vmodb.core.history;

/**
 * A handler a VMS started after one of a larger TID.
 *
 * @param vms the VMS
 * @param position the handler start's position among the VMS's starts, from 1
 * @param tid the transaction started too late
 * @param handler its handler
 * @param afterTid the largest TID the VMS had started before it
 * @param afterHandler that transaction's handler
 */
public record ApplyOrderViolation(String vms, int position, long tid, String handler, long afterTid, String afterHandler) {

	@Override
	public String toString() {
		return this.vms + ", start " + this.position + ": T" + this.tid + " (" + this.handler + ") started after T"
				+ this.afterTid + " (" + this.afterHandler + ")";
	}

}
