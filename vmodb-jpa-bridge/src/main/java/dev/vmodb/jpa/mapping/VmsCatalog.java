package dev.vmodb.jpa.mapping;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every entity of the running VMSs of an application, by entity class: where repositories find their table.
 */
public final class VmsCatalog {

	/** The bean name repositories refer to. */
	public static final String BEAN_NAME = "vmodbCatalog";

	private final Map<Class<?>, BoundTable<?>> tables = new ConcurrentHashMap<>();

	/**
	 * Registers a table.
	 * @param table the bound table
	 * @throws IllegalStateException if another VMS already owns the entity class
	 */
	public void register(BoundTable<?> table) {
		BoundTable<?> other = this.tables.putIfAbsent(table.entity().type(), table);
		if (other != null) {
			throw new IllegalStateException("Entity " + table.entity().type().getName() + " belongs to VMS '"
					+ other.vms() + "' and VMS '" + table.vms() + "'; an entity belongs to one VMS");
		}
	}

	/**
	 * The table of an entity class.
	 * @param <T> the entity type
	 * @param type the entity class
	 * @return the bound table
	 * @throws IllegalArgumentException if no VMS owns the class
	 */
	@SuppressWarnings("unchecked")
	public <T> BoundTable<T> lookup(Class<T> type) {
		BoundTable<?> table = this.tables.get(type);
		if (table == null) {
			throw new IllegalArgumentException(type.getName() + " is not an entity of any VMS; known entities: "
					+ this.tables.keySet().stream().map(Class::getSimpleName).sorted().toList());
		}
		return (BoundTable<T>) table;
	}

	public Collection<BoundTable<?>> tables() {
		return this.tables.values();
	}

}
