package dev.vmodb.samples.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Errors the children logged, summarised for the report: the engine logs and skips a log record it cannot apply,
 * so such a line is often the first sign of what later goes wrong, even when the checks pass.
 */
final class ChildLogErrors {

	private static final Pattern ERROR = Pattern.compile("\\b(ERROR|SEVERE)\\b");

	private static final Pattern NUMBERS = Pattern.compile("\\d+");

	private ChildLogErrors() {
	}

	/**
	 * One line per kind of error and log file: how often, the first message and the exception under it.
	 * @param logs the children's log files
	 * @return the summary, empty if no child logged an error
	 */
	static List<String> summarize(List<Path> logs) {
		List<String> summary = new ArrayList<>();
		for (Path log : logs) {
			Map<String, Integer> counts = new LinkedHashMap<>();
			Map<String, String> first = new LinkedHashMap<>();
			List<String> lines = read(log);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				if (!ERROR.matcher(line).find()) {
					continue;
				}
				String message = message(line) + cause(lines, i);
				// the same error at other offsets or batches is one kind
				String kind = NUMBERS.matcher(message).replaceAll("#");
				counts.merge(kind, 1, Integer::sum);
				first.putIfAbsent(kind, message);
			}
			counts.forEach((kind, count) -> summary.add(log.getFileName() + ": " + count + "x " + first.get(kind)));
		}
		return summary;
	}

	/** The message part of a Spring Boot or Logback line. */
	private static String message(String line) {
		int separator = line.indexOf(" : ");
		if (separator < 0) {
			separator = line.indexOf(" -- ");
		}
		return (separator >= 0) ? line.substring(separator + 3).trim() : line.trim();
	}

	/** The exception printed just under an error line, if any. */
	private static String cause(List<String> lines, int at) {
		for (int i = at + 1; i < Math.min(lines.size(), at + 4); i++) {
			String line = lines.get(i).trim();
			if (line.contains("Exception") || line.contains("Error:")) {
				return " <- " + line;
			}
		}
		return "";
	}

	private static List<String> read(Path log) {
		try {
			return Files.readAllLines(log, StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			return List.of("ERROR cannot read " + log + ": " + ex);
		}
	}

}
