package dev.vmodb.core.history;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link ApplyOrderChecker} found: handler starts out of TID order, and the TIDs a VMS should have applied
 * but did not, or applied without being expected to.
 *
 * @param starts the number of handler starts per VMS
 * @param violations the starts out of TID order, per VMS in start order
 * @param missing per VMS, the expected TIDs it did not start, ascending (empty when nothing was expected)
 * @param unexpected per VMS, the TIDs it started without being expected to, ascending (empty when nothing was
 * expected)
 */
public record ApplyOrderReport(Map<String, Integer> starts, List<ApplyOrderViolation> violations,
		Map<String, List<Long>> missing, Map<String, List<Long>> unexpected) {

	private static final int SHOWN = 20;

	public ApplyOrderReport {
		starts = Collections.unmodifiableMap(new TreeMap<>(starts));
		violations = List.copyOf(violations);
		missing = copy(missing);
		unexpected = copy(unexpected);
	}

	/**
	 * Whether every VMS started its handlers in non-decreasing TID order.
	 * @return whether there is no violation
	 */
	public boolean inOrder() {
		return this.violations.isEmpty();
	}

	/**
	 * Whether every VMS started exactly the expected transactions (true when nothing was expected).
	 * @return whether no TID is missing or unexpected
	 */
	public boolean asExpected() {
		return this.missing.isEmpty() && this.unexpected.isEmpty();
	}

	/**
	 * Whether the history passed: in order and as expected.
	 * @return whether there is nothing to report
	 */
	public boolean passed() {
		return inOrder() && asExpected();
	}

	/**
	 * The verdict and every problem, a line each (long lists are cut).
	 * @return the description
	 */
	public String describe() {
		StringBuilder text = new StringBuilder(passed() ? "Applied in TID order" : "NOT applied as required");
		text.append(": handler starts per VMS ").append(this.starts).append('.');
		if (!this.violations.isEmpty()) {
			text.append('\n').append(this.violations.size()).append(" handlers started after a larger TID:");
			for (ApplyOrderViolation violation : this.violations.subList(0, Math.min(SHOWN, this.violations.size()))) {
				text.append("\n  ").append(violation);
			}
			if (this.violations.size() > SHOWN) {
				text.append("\n  ... and ").append(this.violations.size() - SHOWN).append(" more");
			}
		}
		this.missing.forEach((vms, tids) -> text.append('\n').append(vms).append(" did not apply expected ").append(cut(tids)));
		this.unexpected.forEach((vms, tids) -> text.append('\n').append(vms).append(" applied unexpected ").append(cut(tids)));
		return text.toString();
	}

	@Override
	public String toString() {
		return describe();
	}

	private static String cut(List<Long> tids) {
		return (tids.size() <= SHOWN) ? tids.toString()
				: tids.subList(0, SHOWN) + " and " + (tids.size() - SHOWN) + " more (" + tids.size() + " TIDs)";
	}

	private static Map<String, List<Long>> copy(Map<String, List<Long>> tidsByVms) {
		Map<String, List<Long>> copy = new TreeMap<>();
		tidsByVms.forEach((vms, tids) -> {
			if (!tids.isEmpty()) {
				copy.put(vms, List.copyOf(tids));
			}
		});
		return Collections.unmodifiableMap(copy);
	}

}
