/**
 * What a run measured and how it is shown: every answer per type, exact latency statistics, the progress line, the
 * text table, {@code report.json} and the self-contained {@code report.html}.
 */
package dev.vmodb.samples.marketplace.driver.report;
