package dev.vmodb.samples.marketplace.driver.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.driver.TransactionType;

/**
 * The figures of a run, computed once at its end from every answer: per type and total over the measured window,
 * and the timeline of every second.
 *
 * @param types one row per transaction type, in the order of {@link TransactionType}
 * @param total all types together
 * @param timeline every second of the run, warm-up and the drain after the window included
 */
public record RunFigures(List<TypeFigures> types, TypeFigures total, List<TimelineSecond> timeline) {

	/**
	 * Computes the figures.
	 * @param answers every answer per type
	 * @param window the run's points on the clock
	 * @return the figures
	 */
	public static RunFigures of(Map<TransactionType, LatencyLog.Entries> answers, RunWindow window) {
		double seconds = window.measuredSeconds();
		List<TypeFigures> types = new ArrayList<>();
		long[] all = new long[0];
		long committed = 0;
		long aborted = 0;
		long unknown = 0;
		for (TransactionType type : TransactionType.values()) {
			LatencyLog.Entries entries = answers.get(type);
			long[] latencies = new long[entries.size()];
			int committedHere = 0;
			long abortedHere = 0;
			long unknownHere = 0;
			for (int i = 0; i < entries.size(); i++) {
				if (!window.measured(entries.answeredAt()[i])) {
					continue;
				}
				switch (entries.outcome(i)) {
					case COMMITTED -> latencies[committedHere++] = entries.latency()[i];
					case ABORTED -> abortedHere++;
					case UNKNOWN -> unknownHere++;
				}
			}
			long[] measured = Arrays.copyOf(latencies, committedHere);
			all = concat(all, measured);
			types.add(TypeFigures.of(type.label(), committedHere, abortedHere, unknownHere, seconds,
					new LatencyStatistics(measured)));
			committed += committedHere;
			aborted += abortedHere;
			unknown += unknownHere;
		}
		TypeFigures total = TypeFigures.of("total", committed, aborted, unknown, seconds, new LatencyStatistics(all));
		return new RunFigures(types, total, timeline(answers, window));
	}

	private static List<TimelineSecond> timeline(Map<TransactionType, LatencyLog.Entries> answers, RunWindow window) {
		int seconds = 0;
		Map<TransactionType, List<List<Long>>> bySecond = new EnumMap<>(TransactionType.class);
		for (TransactionType type : TransactionType.values()) {
			LatencyLog.Entries entries = answers.get(type);
			List<List<Long>> buckets = new ArrayList<>();
			for (int i = 0; i < entries.size(); i++) {
				if (entries.outcome(i) != Outcome.COMMITTED) {
					continue;
				}
				int second = window.second(entries.answeredAt()[i]);
				while (buckets.size() <= second) {
					buckets.add(new ArrayList<>());
				}
				buckets.get(second).add(entries.latency()[i]);
			}
			seconds = Math.max(seconds, buckets.size());
			bySecond.put(type, buckets);
		}
		List<TimelineSecond> timeline = new ArrayList<>();
		for (int second = 0; second < seconds; second++) {
			Map<String, TimelineSecond.Point> points = new LinkedHashMap<>();
			long committed = 0;
			for (TransactionType type : TransactionType.values()) {
				List<List<Long>> buckets = bySecond.get(type);
				if (second >= buckets.size() || buckets.get(second).isEmpty()) {
					continue;
				}
				long[] latencies = buckets.get(second).stream().mapToLong(Long::longValue).toArray();
				LatencyStatistics statistics = new LatencyStatistics(latencies);
				points.put(type.label(), new TimelineSecond.Point(latencies.length, statistics.percentileMillis(50),
						statistics.percentileMillis(99)));
				committed += latencies.length;
			}
			boolean warmUp = second < window.warmUpSeconds();
			timeline.add(new TimelineSecond(second, warmUp, committed, points));
		}
		return timeline;
	}

	private static long[] concat(long[] first, long[] second) {
		long[] joined = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, joined, first.length, second.length);
		return joined;
	}

}
