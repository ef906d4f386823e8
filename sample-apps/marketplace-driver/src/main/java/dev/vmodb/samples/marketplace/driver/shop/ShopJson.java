package dev.vmodb.samples.marketplace.driver.shop;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the driver: requests, answers, snapshots and the report. Unknown properties are ignored,
 * so the shop may answer with more than the driver reads (the dashboard's entries carry more columns, for example).
 */
public final class ShopJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
		.build();

	private ShopJson() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

}
