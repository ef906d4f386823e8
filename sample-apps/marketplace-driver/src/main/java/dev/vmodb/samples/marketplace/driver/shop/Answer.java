package dev.vmodb.samples.marketplace.driver.shop;

import dev.vmodb.samples.marketplace.audit.Journal.Interval;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;

import tools.jackson.databind.JsonNode;

/**
 * The shop's answer to one request, or the failure to get one.
 *
 * @param status the HTTP status, {@code 0} when no answer came (time-out, connection lost)
 * @param body the response body, empty when none
 * @param at when the request was sent and answered
 * @param failure why no answer came, or {@code null}
 */
public record Answer(int status, String body, Interval at, String failure) {

	/** 2xx committed, 409 aborted, anything else (400, 503, no answer) unknown: it may or may not have run. */
	public Outcome outcome() {
		if (this.status >= 200 && this.status < 300) {
			return Outcome.COMMITTED;
		}
		return (this.status == 409) ? Outcome.ABORTED : Outcome.UNKNOWN;
	}

	/** Submit-to-answer time in nanoseconds. */
	public long latency() {
		return this.at.answered() - this.at.sent();
	}

	/** The body as JSON; a missing node when there is none or it is not JSON. */
	public JsonNode json() {
		if (this.body == null || this.body.isEmpty()) {
			return ShopJson.mapper().missingNode();
		}
		try {
			return ShopJson.mapper().readTree(this.body);
		}
		catch (RuntimeException ex) {
			return ShopJson.mapper().missingNode();
		}
	}

	/** The TID the shop gave the transaction (committed or aborted), {@code -1} when the answer names none. */
	public long tid() {
		JsonNode tid = json().path("tid");
		return tid.isNumber() ? tid.asLong() : -1;
	}

	/** What went wrong, for the error lines: the failure, or the status with the problem's detail. */
	public String describe() {
		if (this.failure != null) {
			return this.failure;
		}
		JsonNode json = json();
		String detail = json.path("detail").isString() ? json.path("detail").asString() : String.valueOf(this.body);
		return "HTTP " + this.status + ": " + abbreviate(detail, 300);
	}

	private static String abbreviate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length) + "…";
	}

}
