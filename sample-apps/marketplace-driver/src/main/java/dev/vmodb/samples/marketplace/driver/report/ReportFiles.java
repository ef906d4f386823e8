package dev.vmodb.samples.marketplace.driver.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.vmodb.samples.marketplace.driver.shop.ShopJson;

/**
 * Writes {@code report.json} and {@code report.html} into the output directory, creating it if needed.
 *
 * @param json the JSON file
 * @param html the HTML file
 */
public record ReportFiles(Path json, Path html) {

	public static ReportFiles write(RunReport report, Path directory) {
		try {
			Files.createDirectories(directory);
			Path json = directory.resolve("report.json").toAbsolutePath();
			Path html = directory.resolve("report.html").toAbsolutePath();
			Files.writeString(json, ShopJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
			Files.writeString(html, HtmlReport.render(report));
			return new ReportFiles(json, html);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the report to " + directory.toAbsolutePath(), ex);
		}
	}

}
