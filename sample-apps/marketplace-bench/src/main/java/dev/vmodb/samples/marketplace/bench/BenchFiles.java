package dev.vmodb.samples.marketplace.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vmodb.samples.marketplace.driver.shop.ShopJson;

/**
 * Writes the bench's table ({@code bench.md}), its page with the sweep chart ({@code bench.html}) and all its figures
 * ({@code bench.json}).
 *
 * @param markdown the table
 * @param html the page
 * @param json the figures
 */
record BenchFiles(Path markdown, Path html, Path json) {

	static BenchFiles write(BenchResult result, String table, Path directory) throws IOException {
		Files.createDirectories(directory);
		BenchFiles files = new BenchFiles(directory.resolve("bench.md").toAbsolutePath(),
				directory.resolve("bench.html").toAbsolutePath(), directory.resolve("bench.json").toAbsolutePath());
		Files.writeString(files.markdown(), table, StandardCharsets.UTF_8);
		Files.writeString(files.html(), BenchPage.render(result, table), StandardCharsets.UTF_8);
		Files.writeString(files.json(),
				ShopJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures(result)),
				StandardCharsets.UTF_8);
		return files;
	}

	/** Every figure by name, the derived ones included, so the JSON needs no code to read. */
	private static Map<String, Object> figures(BenchResult result) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("machine", result.machine());
		figures.put("settings", result.settings().byPropertyName());
		List<Map<String, Object>> runs = result.runs().stream().map((run) -> {
			Map<String, Object> figure = new LinkedHashMap<>();
			figure.put("shop", run.shop().label());
			figure.put("mix", run.mix());
			figure.put("inFlight", run.inFlight());
			figure.put("sweep", run.sweep());
			figure.put("throughput", run.throughput());
			figure.put("violations", run.violations());
			figure.put("cpuMillisPerCommit", run.cpuMillisPerCommit());
			figure.put("allocatedKilobytesPerCommit", run.allocatedKilobytesPerCommit());
			figure.put("loggedBytesPerCommit", run.loggedBytesPerCommit());
			figure.put("loggedRecordsPerCommit", run.loggedRecordsPerCommit());
			figure.put("usage", run.usage());
			figure.put("report", run.report());
			return figure;
		}).toList();
		figures.put("runs", runs);
		figures.put("logCapacities", result.logCapacities());
		Map<String, Object> limits = new LinkedHashMap<>();
		result.logCapacities().forEach((capacity) -> result.limit(capacity.mix())
			.ifPresent((limit) -> limits.put(capacity.mix(), limit)));
		figures.put("logLimitTransactionsPerSecond", limits);
		figures.put("h2", result.h2());
		return figures;
	}

}
