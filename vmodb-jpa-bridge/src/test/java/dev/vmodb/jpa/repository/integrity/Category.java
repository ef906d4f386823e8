package dev.vmodb.jpa.repository.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.vmodb.core.api.References;

/**
 * A tree: each category references its parent in the same table; a root references itself or nothing.
 */
@Entity
@Table(name = "fk_categories")
public class Category {

	@Id
	private Long id;

	@References(Category.class)
	@Column(name = "parent_id")
	private Long parentId;

	protected Category() {
	}

	public Category(Long id, Long parentId) {
		this.id = id;
		this.parentId = parentId;
	}

	public Long getId() {
		return this.id;
	}

	public Long getParentId() {
		return this.parentId;
	}

}
