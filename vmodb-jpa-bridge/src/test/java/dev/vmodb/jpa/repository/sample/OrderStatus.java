package dev.vmodb.jpa.repository.sample;

/**
 * The life cycle of a {@link ShopOrder}.
 */
public enum OrderStatus {

	CREATED, PAID, SHIPPED, DELIVERED, CANCELLED

}
