/**
 * The shop as the driver sees it: its REST API over the JDK HTTP client, timed answers, and its state read from
 * {@code GET /audit/snapshot}.
 */
package dev.vmodb.samples.marketplace.driver.shop;
