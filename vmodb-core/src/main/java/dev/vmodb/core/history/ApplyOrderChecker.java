package dev.vmodb.core.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that every VMS started the handlers of its transactions in TID order, from the handler starts of a
 * {@link History}.
 *
 * <p>The order is non-decreasing rather than increasing: several handlers of one transaction at one VMS start one
 * after the other under the same TID. A start is out of order when a larger TID started before it at the same
 * VMS; aborted transactions count, since they were started all the same.
 */
public final class ApplyOrderChecker {

	/**
	 * Checks the order of handler starts.
	 * @param history the history
	 * @return what was found
	 */
	public ApplyOrderReport check(History history) {
		return check(history, null);
	}

	/**
	 * Checks the order of handler starts and which transactions each VMS started.
	 * @param history the history
	 * @param expected the TIDs each VMS should have started (a VMS the map does not name should have started
	 * none), or {@code null} not to compare
	 * @return what was found
	 */
	public ApplyOrderReport check(History history, Map<String, ? extends Collection<Long>> expected) {
		Map<String, List<History.Applied>> byVms = new LinkedHashMap<>();
		for (History.Applied applied : history.applied()) {
			byVms.computeIfAbsent(applied.vms(), vms -> new ArrayList<>()).add(applied);
		}
		Map<String, Integer> starts = new HashMap<>();
		List<ApplyOrderViolation> violations = new ArrayList<>();
		byVms.forEach((vms, applied) -> {
			starts.put(vms, applied.size());
			findViolations(vms, applied, violations);
		});
		Map<String, List<Long>> missing = new HashMap<>();
		Map<String, List<Long>> unexpected = new HashMap<>();
		if (expected != null) {
			Set<String> names = new TreeSet<>(byVms.keySet());
			names.addAll(expected.keySet());
			for (String vms : names) {
				Set<Long> started = new TreeSet<>();
				byVms.getOrDefault(vms, List.of()).forEach(applied -> started.add(applied.tid()));
				Collection<Long> expectedHere = expected.get(vms);
				Set<Long> wanted = (expectedHere != null) ? new TreeSet<>(expectedHere) : Set.of();
				missing.put(vms, difference(wanted, started));
				unexpected.put(vms, difference(started, wanted));
			}
		}
		return new ApplyOrderReport(starts, violations, missing, unexpected);
	}

	private static void findViolations(String vms, List<History.Applied> applied, List<ApplyOrderViolation> violations) {
		History.Applied largest = null;
		for (int i = 0; i < applied.size(); i++) {
			History.Applied start = applied.get(i);
			if (largest != null && start.tid() < largest.tid()) {
				violations.add(new ApplyOrderViolation(vms, i + 1, start.tid(), start.handler(), largest.tid(),
						largest.handler()));
			}
			else {
				largest = start;
			}
		}
	}

	private static List<Long> difference(Set<Long> tids, Set<Long> minus) {
		List<Long> difference = new ArrayList<>();
		for (long tid : tids) {
			if (!minus.contains(tid)) {
				difference.add(tid);
			}
		}
		return difference;
	}

}
