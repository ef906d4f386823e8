package dev.vmodb.autoconfigure.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus text scrape read as samples, so tests can ask for one sample by its name and exact labels.
 */
final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

	private final String text;

	private final List<Sample> samples = new ArrayList<>();

	PrometheusScrape(String text) {
		this.text = text;
		for (String line : text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (!line.startsWith("#") && sample.matches()) {
				Map<String, String> labels = new LinkedHashMap<>();
				Matcher label = LABEL.matcher((sample.group(2) != null) ? sample.group(2) : "");
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
				this.samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
			}
		}
	}

	/**
	 * The value of the one sample with this name and exactly these labels.
	 * @param name the sample's name, as Prometheus shows it
	 * @param labels label names and values, alternating
	 * @return the value
	 * @throws AssertionError if there is no such sample, naming the samples of that name
	 */
	double value(String name, String... labels) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return this.samples.stream()
			.filter(sample -> sample.name().equals(name) && sample.labels().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No sample " + name + wanted + " in the scrape; of that name: "
					+ this.samples.stream().filter(sample -> sample.name().equals(name)).toList()))
			.value();
	}

	/**
	 * The samples with this name.
	 * @param name the sample's name
	 * @return the samples, in the scrape's order
	 */
	List<Sample> named(String name) {
		return this.samples.stream().filter(sample -> sample.name().equals(name)).toList();
	}

	@Override
	public String toString() {
		return this.text;
	}

	record Sample(String name, Map<String, String> labels, double value) {
	}

}
