package dev.vmodb.samples.crash;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.vmodb.samples.crash.Submitted.Outcome;

/**
 * What the crash test prints: rounds, kills per process kind, outcomes, recovery time per restart, and what the
 * checks found.
 */
final class CrashReport {

	private final String settings;

	private final List<Round> rounds = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private List<Submitted> submitted = List.of();

	CrashReport(String settings) {
		this.settings = settings;
	}

	void round(Round round) {
		this.rounds.add(round);
	}

	void problem(String problem) {
		this.problems.add(problem);
	}

	void problems(List<String> problems) {
		this.problems.addAll(problems);
	}

	void note(String note) {
		this.notes.add(note);
	}

	void outcomes(List<Submitted> submitted) {
		this.submitted = submitted;
	}

	List<String> problems() {
		return this.problems;
	}

	List<Round> rounds() {
		return this.rounds;
	}

	String format() {
		StringBuilder out = new StringBuilder("\n==== Crash recovery test: ").append(this.rounds.size())
			.append(" rounds (").append(this.settings).append(") ====\n");
		Map<ProcessKind, Integer> kills = new EnumMap<>(ProcessKind.class);
		for (ProcessKind kind : ProcessKind.values()) {
			kills.put(kind, 0);
		}
		this.rounds.forEach(round -> kills.merge(round.kind(), 1, Integer::sum));
		out.append("Kills:");
		kills.forEach((kind, count) -> out.append(' ').append(kind.label()).append('=').append(count));
		out.append('\n');
		out.append(outcomeLine("Transfers", true)).append(outcomeLine("Deposits ", false));
		out.append(String.format("%-6s %-16s %9s %11s %18s %20s%n", "round", "killed", "at (s)", "ready (ms)",
				"first commit (ms)", "new work done (ms)"));
		for (Round round : this.rounds) {
			out.append(String.format("%-6d %-16s %9.1f %11s %18s %20s%n", round.number(), round.kind().label(),
					round.killedAtSeconds(), millis(round.readyMillis()), millis(round.firstCommitMillis()),
					millis(round.resumedMillis())));
		}
		out.append("(times from the relaunch; first commit: the first transfer committed after it; new work done: the "
				+ "first transfer submitted after it committed)\n");
		this.notes.forEach(note -> out.append(note).append('\n'));
		if (this.problems.isEmpty()) {
			out.append("Checks: all passed\n");
		}
		else {
			out.append("Checks: ").append(this.problems.size()).append(" problem(s)\n");
			this.problems.forEach(problem -> out.append("  - ").append(problem).append('\n'));
		}
		return out.toString();
	}

	private String outcomeLine(String what, boolean transfers) {
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			counts.put(outcome, 0);
		}
		this.submitted.stream().filter(s -> s.isTransfer() == transfers).forEach(s -> counts.merge(s.outcome(), 1, Integer::sum));
		return String.format("%s: %,d committed, %,d aborted, %,d in doubt, %,d failed, %,d refused at submit%n", what,
				counts.get(Outcome.COMMITTED), counts.get(Outcome.ABORTED), counts.get(Outcome.PENDING),
				counts.get(Outcome.FAILED), counts.get(Outcome.REFUSED));
	}

	private static String millis(long millis) {
		return (millis < 0) ? "never" : String.format("%,d", millis);
	}

	/**
	 * One kill and restart.
	 * @param number the round, from 1
	 * @param kind the process killed
	 * @param killedAtSeconds when, in seconds since the workload started
	 * @param readyMillis relaunch to the process saying it is ready
	 * @param firstCommitMillis relaunch to the first transfer committed after it, -1 if none
	 * @param resumedMillis relaunch to the first commit of a transfer submitted after it, -1 if none
	 */
	record Round(int number, ProcessKind kind, double killedAtSeconds, long readyMillis, long firstCommitMillis,
			long resumedMillis) {
	}

}
