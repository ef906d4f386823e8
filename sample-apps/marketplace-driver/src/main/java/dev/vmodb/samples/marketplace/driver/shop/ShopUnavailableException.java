package dev.vmodb.samples.marketplace.driver.shop;

/**
 * The shop did not answer as the driver needs it to (not reachable in time, no snapshot endpoint, an empty shop).
 */
public class ShopUnavailableException extends RuntimeException {

	public ShopUnavailableException(String message) {
		super(message);
	}

	public ShopUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
