package dev.vmodb.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The stock item the flush benchmark writes through Hibernate, mapped onto the same table the JDBC sink writes.
 */
@Entity
@Table(name = "bench_item")
public class BenchItem {

	@Id
	private Long id;

	private String sku;

	private Integer category;

	private Integer quantity;

	private BigDecimal price;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected BenchItem() {
	}

	BenchItem(Object[] row) {
		this.id = (Long) row[0];
		this.sku = (String) row[1];
		this.category = (Integer) row[2];
		this.quantity = (Integer) row[3];
		this.price = (BigDecimal) row[4];
		this.updatedAt = (Instant) row[5];
	}

}
