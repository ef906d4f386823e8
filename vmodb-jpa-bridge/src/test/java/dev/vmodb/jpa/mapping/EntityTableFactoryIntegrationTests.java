package dev.vmodb.jpa.mapping;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.PositiveOrZero;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.metadata.DeclarationException;
import dev.vmodb.core.schema.CompositeKey;
import dev.vmodb.core.schema.IntegrityViolationException;
import dev.vmodb.core.schema.TableSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Maps real entities with real Hibernate over real H2 and checks the tables, keys and conversions.
 */
class EntityTableFactoryIntegrationTests {

	private static int databases;

	@Test
	void mapsSingleKeyEntityWithIndexesEnumsAndConstraints() {
		try (VmsPersistenceUnit unit = VmsPersistenceUnit.create("shop", dataSource(), List.of(Product.class))) {
			@SuppressWarnings("unchecked")
			EntityTable<Product> table = (EntityTable<Product>) unit.tables().get(Product.class);
			TableSchema schema = table.schema();
			assertThat(schema.name()).isEqualTo("products");
			assertThat(schema.keyColumns()).containsExactly(0);
			assertThat(schema.indexes()).anySatisfy(index -> {
				assertThat(index.columns()).containsExactly(schema.positionOf("seller_id"));
				assertThat(index.unique()).isFalse();
			});
			assertThat(schema.indexes()).anySatisfy(index -> assertThat(index.unique()).isTrue());
			Product product = new Product(7L, 3L, "pen", Status.ACTIVE, new BigDecimal("1.50"), 4);
			Object[] row = table.toRow(product);
			assertThat(row[schema.positionOf("status")]).isEqualTo("ACTIVE");
			assertThat(table.keyOf(7L)).isEqualTo(schema.keyOf(row)).isEqualTo(7L);
			assertThat(table.idOf(product)).isEqualTo(7L);
			assertThat(table.toEntity(row)).usingRecursiveComparison().isEqualTo(product);
			assertThat(table.columnOf("sellerId")).isEqualTo(schema.positionOf("seller_id"));
			assertThat(table.toColumnValue(schema.positionOf("status"), Status.RETIRED)).isEqualTo("RETIRED");

			row[schema.positionOf("quantity")] = -1;
			assertThatThrownBy(() -> schema.validate(row)).isInstanceOf(IntegrityViolationException.class)
				.hasMessageContaining("products.quantity")
				.hasMessageContaining(">= 0");
			row[schema.positionOf("quantity")] = 1;
			row[schema.positionOf("sku")] = "x".repeat(9);
			assertThatThrownBy(() -> schema.validate(row)).isInstanceOf(IntegrityViolationException.class)
				.hasMessageContaining("products.sku")
				.hasMessageContaining("between 0 and 8");
		}
	}

	@Test
	void mapsIdClassAndEmbeddedIdToCompositeKeys() {
		try (VmsPersistenceUnit unit = VmsPersistenceUnit.create("cart", dataSource(),
				List.of(CartItem.class, Shipment.class))) {
			@SuppressWarnings("unchecked")
			EntityTable<CartItem> items = (EntityTable<CartItem>) unit.tables().get(CartItem.class);
			CartItem item = new CartItem(1L, 2L, 3L, 5);
			Object[] itemRow = items.toRow(item);
			assertThat(items.idType()).isEqualTo(CartItemId.class);
			assertThat(items.keyOf(new CartItemId(1L, 2L, 3L))).isEqualTo(items.schema().keyOf(itemRow));
			assertThat(items.idOf(item)).isEqualTo(new CartItemId(1L, 2L, 3L));
			assertThat(items.toEntity(itemRow)).usingRecursiveComparison().isEqualTo(item);

			@SuppressWarnings("unchecked")
			EntityTable<Shipment> shipments = (EntityTable<Shipment>) unit.tables().get(Shipment.class);
			Shipment shipment = new Shipment(new ShipmentId(9L, 4L), "sent");
			Object[] shipmentRow = shipments.toRow(shipment);
			assertThat(shipments.idType()).isEqualTo(ShipmentId.class);
			assertThat(shipments.keyOf(new ShipmentId(9L, 4L))).isEqualTo(shipments.schema().keyOf(shipmentRow))
				.isEqualTo(CompositeKey.of(9L, 4L));
			assertThat(shipments.columnOf("id.orderId")).isGreaterThanOrEqualTo(0);
			assertThat(shipments.toEntity(shipmentRow)).usingRecursiveComparison().isEqualTo(shipment);
		}
	}

	@Test
	void rejectsConstraintsItCannotEnforce() {
		assertThatThrownBy(() -> VmsPersistenceUnit.create("mail", dataSource(), List.of(Subscriber.class)))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("Subscriber.address")
			.hasMessageContaining("@Email");
	}

	@Test
	void rejectsEntityWithoutId() {
		assertThatThrownBy(() -> VmsPersistenceUnit.create("bad", dataSource(), List.of(NoId.class)))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("NoId");
	}

	private static JdbcDataSource dataSource() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:mapping-" + (databases++) + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	enum Status {

		ACTIVE, RETIRED

	}

	@Entity
	@Table(name = "products", indexes = { @Index(columnList = "seller_id"), @Index(columnList = "sku", unique = true) })
	static class Product {

		@Id
		Long id;

		@Column(name = "seller_id")
		Long sellerId;

		@Column(length = 8)
		String sku;

		@Enumerated(EnumType.STRING)
		Status status;

		BigDecimal price;

		@PositiveOrZero
		int quantity;

		Product() {
		}

		Product(Long id, Long sellerId, String sku, Status status, BigDecimal price, int quantity) {
			this.id = id;
			this.sellerId = sellerId;
			this.sku = sku;
			this.status = status;
			this.price = price;
			this.quantity = quantity;
		}

	}

	static class CartItemId implements Serializable {

		Long customerId;

		Long sellerId;

		Long productId;

		CartItemId() {
		}

		CartItemId(Long customerId, Long sellerId, Long productId) {
			this.customerId = customerId;
			this.sellerId = sellerId;
			this.productId = productId;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof CartItemId that && Objects.equals(this.customerId, that.customerId)
					&& Objects.equals(this.sellerId, that.sellerId) && Objects.equals(this.productId, that.productId);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.customerId, this.sellerId, this.productId);
		}

	}

	@Entity
	@IdClass(CartItemId.class)
	@Table(name = "cart_items")
	static class CartItem {

		@Id
		Long customerId;

		@Id
		Long sellerId;

		@Id
		Long productId;

		int quantity;

		CartItem() {
		}

		CartItem(Long customerId, Long sellerId, Long productId, int quantity) {
			this.customerId = customerId;
			this.sellerId = sellerId;
			this.productId = productId;
			this.quantity = quantity;
		}

	}

	@Embeddable
	static class ShipmentId implements Serializable {

		Long customerId;

		Long orderId;

		ShipmentId() {
		}

		ShipmentId(Long customerId, Long orderId) {
			this.customerId = customerId;
			this.orderId = orderId;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ShipmentId that && Objects.equals(this.customerId, that.customerId)
					&& Objects.equals(this.orderId, that.orderId);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.customerId, this.orderId);
		}

	}

	@Entity
	@Table(name = "shipments")
	static class Shipment {

		@EmbeddedId
		ShipmentId id;

		String status;

		Shipment() {
		}

		Shipment(ShipmentId id, String status) {
			this.id = id;
			this.status = status;
		}

	}

	@Entity
	static class Subscriber {

		@Id
		Long id;

		@Email
		String address;

	}

	@Entity
	static class NoId {

		Long value;

	}

}
