package dev.vmodb.samples.marketplace.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.vmodb.samples.marketplace.driver.report.TypeFigures;

/**
 * The bench's figures as Markdown tables, readable in a terminal and pasted as they are into docs/benchmarks.md: per
 * mix the figures per transaction type of each shop side by side, then one summary row per shop and mix with the
 * resources, the audit and the ratios, the raw capacities, and the sweep.
 */
final class BenchTable {

	private BenchTable() {
	}

	static String format(BenchResult result) {
		StringBuilder text = new StringBuilder();
		BenchResult.Machine machine = result.machine();
		BenchSettings s = result.settings();
		text.append(String.format(Locale.ROOT,
				"## Marketplace bench: %d cores, Java %s, %s; started %s, ran %.0f s, load average %.1f -> %.1f%n%n",
				machine.cores(), machine.java(), machine.os(), machine.started(), machine.seconds(),
				machine.loadBefore(), machine.loadAfter()));
		text.append(String.format(Locale.ROOT,
				"Each mix: %d in flight, %d s measured after %d s warm-up, %s keys. Shop JVMs: %s.%n"
						+ "Latencies in ms, submit to answer, of committed requests; tx/s = committed requests per second"
						+ " (every request counts: add to cart, checkout, dashboard, ...).%n%n",
				s.inFlight(), s.duration().toSeconds(), s.warmUp().toSeconds(),
				s.keys().name().toLowerCase(Locale.ROOT), s.shopJvmOptions()));
		for (String mix : mixes(result)) {
			perType(text, result, mix);
		}
		summary(text, result);
		capacities(text, result);
		sweep(text, result);
		return text.toString();
	}

	private static List<String> mixes(BenchResult result) {
		return result.runs().stream().filter((run) -> !run.sweep()).map(RunResult::mix).distinct().toList();
	}

	private static void perType(StringBuilder text, BenchResult result, String mix) {
		List<Shop> shops = result.settings().shops();
		text.append("### Mix ").append(mix).append(": per transaction type\n\n| type |");
		StringBuilder rule = new StringBuilder("|---|");
		for (Shop shop : shops) {
			String label = shop.label();
			text.append(String.format(" %1$s tx/s | %1$s p50 | %1$s p90 | %1$s p99 | %1$s aborted |", label));
			rule.append("---:|---:|---:|---:|---:|");
		}
		boolean ratio = shops.contains(Shop.VMODB) && shops.contains(Shop.BASELINE);
		if (ratio) {
			text.append(" vMODB/baseline tx/s |");
			rule.append("---:|");
		}
		text.append('\n').append(rule).append('\n');
		List<String> types = new ArrayList<>();
		shops.forEach((shop) -> result.mixRun(shop, mix)
			.ifPresent((run) -> run.report().types().forEach((type) -> {
				if (!types.contains(type.type()) && (type.committed() + type.aborted() + type.unknown()) > 0) {
					types.add(type.type());
				}
			})));
		types.add("total");
		for (String type : types) {
			text.append("| ").append(type).append(" |");
			for (Shop shop : shops) {
				Optional<TypeFigures> figures = result.mixRun(shop, mix).map((run) -> figures(run, type));
				text.append(figures.map((f) -> String.format(Locale.ROOT, " %,.1f | %.1f | %.1f | %.1f | %,d |",
						f.throughput(), f.p50Ms(), f.p90Ms(), f.p99Ms(), f.aborted())).orElse(" – | – | – | – | – |"));
			}
			if (ratio) {
				Optional<TypeFigures> vmodb = result.mixRun(Shop.VMODB, mix).map((run) -> figures(run, type));
				Optional<TypeFigures> baseline = result.mixRun(Shop.BASELINE, mix).map((run) -> figures(run, type));
				text.append(' ').append(ratio(vmodb.map(TypeFigures::throughput), baseline.map(TypeFigures::throughput)))
					.append(" |");
			}
			text.append('\n');
		}
		text.append('\n');
	}

	private static TypeFigures figures(RunResult run, String type) {
		return type.equals("total") ? run.total() : run.report().type(type);
	}

	private static void summary(StringBuilder text, BenchResult result) {
		text.append("### Summary: throughput, audit, resources and ratios\n\n")
			.append("| mix | shop | tx/s | p50 | p99 | aborted | unknown | audit | violations | CPU s | CPU ms/tx |"
					+ " alloc KB/tx | peak heap MB | GC ms | logged B/tx | records/tx | vMODB/baseline |"
					+ " log limit tx/s | vMODB/limit |\n")
			.append("|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (String mix : mixes(result)) {
			for (Shop shop : result.settings().shops()) {
				Optional<RunResult> found = result.mixRun(shop, mix);
				if (found.isEmpty()) {
					continue;
				}
				RunResult run = found.get();
				ResourceSampler.Usage usage = run.usage();
				boolean vmodb = shop == Shop.VMODB;
				Optional<Double> limit = vmodb ? result.limit(mix) : Optional.empty();
				text.append(String.format(Locale.ROOT,
						"| %s | %s | %,.1f | %.1f | %.1f | %,d | %,d | %s | %,d | %.1f | %.2f | %,.0f | %,.0f | %,d |"
								+ " %,.0f | %.2f | %s | %s | %s |%n",
						mix, shop.label(), run.throughput(), run.total().p50Ms(), run.total().p99Ms(),
						run.total().aborted(), run.total().unknown(), run.auditStatus(), run.violations(),
						usage.cpuSeconds(), run.cpuMillisPerCommit(), run.allocatedKilobytesPerCommit(),
						usage.peakHeapBytes() / 1048576.0, usage.gcMillis(), run.loggedBytesPerCommit(),
						run.loggedRecordsPerCommit(),
						vmodb ? ratio(Optional.of(run.throughput()),
								result.mixRun(Shop.BASELINE, mix).map(RunResult::throughput)) : "",
						limit.map((l) -> String.format(Locale.ROOT, "%,.0f", l)).orElse(vmodb ? "–" : ""),
						vmodb ? ratio(Optional.of(run.throughput()), limit) : ""));
			}
		}
		text.append("\nCPU, allocation, heap and GC are the shop JVM's (its embedded broker included) in the measured"
				+ " window; peak heap is the most heap in use among samples every 200 ms. Logged bytes are what the"
				+ " shop's topics grew by on the broker's disk (record batches with headers). The log limit is the"
				+ " broker's raw capacity at vMODB's mean record size (the lower of produce and read_committed consume,"
				+ " bytes/s) divided by the bytes vMODB logged per committed request.\n\n");
	}

	private static void capacities(StringBuilder text, BenchResult result) {
		text.append("### Raw capacities (same machine, no shop running)\n\n");
		if (!result.logCapacities().isEmpty()) {
			text.append("| broker: record size (mean vMODB logged in) | produce records/s | produce MB/s |"
					+ " consume records/s | consume MB/s |\n|---|---:|---:|---:|---:|\n");
			for (BenchResult.LogCapacity capacity : result.logCapacities()) {
				text.append(String.format(Locale.ROOT, "| %,d B (%s) | %,.0f | %.1f | %,.0f | %.1f |%n",
						capacity.recordBytes(), capacity.mix(), capacity.throughput().produce().recordsPerSecond(),
						capacity.throughput().produce().megabytesPerSecond(),
						capacity.throughput().consume().recordsPerSecond(),
						capacity.throughput().consume().megabytesPerSecond()));
			}
			text.append("\nOne idempotent producer (acks=all, as the log's writer) and one read_committed consumer on a"
					+ " one-partition topic of an embedded broker like the shops'.\n\n");
		}
		text.append(String.format(Locale.ROOT,
				"H2 (in memory, as both shops), plain JDBC batches of 1,000 rows: %,.0f rows/s inserted, %,.0f rows/s"
						+ " updated by key.%n%n",
				result.h2().insertsPerSecond(), result.h2().updatesPerSecond()));
	}

	private static void sweep(StringBuilder text, BenchResult result) {
		List<Integer> levels = result.settings().sweep();
		if (levels.isEmpty()) {
			return;
		}
		List<Shop> shops = result.settings().shops();
		text.append(String.format(Locale.ROOT, "### Sweep: %s, %d s measured after %d s warm-up per point%n%n| in flight |",
				result.settings().sweepMix().name(), result.settings().sweepDuration().toSeconds(),
				result.settings().sweepWarmUp().toSeconds()));
		StringBuilder rule = new StringBuilder("|---:|");
		for (Shop shop : shops) {
			text.append(String.format(" %1$s tx/s | %1$s p50 | %1$s p99 | %1$s audit |", shop.label()));
			rule.append("---:|---:|---:|---|");
		}
		boolean ratio = shops.contains(Shop.VMODB) && shops.contains(Shop.BASELINE);
		if (ratio) {
			text.append(" vMODB/baseline tx/s |");
			rule.append("---:|");
		}
		text.append('\n').append(rule).append('\n');
		for (int level : levels) {
			text.append("| ").append(level).append(" |");
			for (Shop shop : shops) {
				text.append(result.sweepRun(shop, level)
					.map((run) -> String.format(Locale.ROOT, " %,.1f | %.1f | %.1f | %s |", run.throughput(),
							run.total().p50Ms(), run.total().p99Ms(), audit(run)))
					.orElse(" – | – | – | – |"));
			}
			if (ratio) {
				text.append(' ')
					.append(ratio(result.sweepRun(Shop.VMODB, level).map(RunResult::throughput),
							result.sweepRun(Shop.BASELINE, level).map(RunResult::throughput)))
					.append(" |");
			}
			text.append('\n');
		}
		text.append('\n');
	}

	static String audit(RunResult run) {
		return run.auditStatus().equals("violated") ? "violated (" + run.violations() + ")" : run.auditStatus();
	}

	static String ratio(Optional<Double> numerator, Optional<Double> denominator) {
		if (numerator.isEmpty() || denominator.isEmpty() || !(denominator.get() > 0)) {
			return "–";
		}
		double ratio = numerator.get() / denominator.get();
		// a small ratio (vMODB against the log's limit) keeps two significant digits instead of rounding to 0.00x
		return String.format(Locale.ROOT, (ratio >= 0.1) ? "%.2fx" : "%.2gx", ratio);
	}

}
