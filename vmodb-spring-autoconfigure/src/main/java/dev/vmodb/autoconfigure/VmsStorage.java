package dev.vmodb.autoconfigure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;

import org.springframework.beans.factory.DisposableBean;

import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.jpa.checkpoint.JdbcCheckpointSink;
import dev.vmodb.jpa.mapping.BoundTable;
import dev.vmodb.jpa.mapping.EntityTable;
import dev.vmodb.jpa.mapping.VmsCatalog;
import dev.vmodb.jpa.mapping.VmsPersistenceUnit;

/**
 * The state side of every VMS of an application: its database, its Hibernate mapping, its versioned store and
 * its checkpoint sink. Built before any VMS bean, so repositories can be created for the VMS beans to use.
 */
public final class VmsStorage implements DisposableBean {

	private final Map<String, Unit> units = new LinkedHashMap<>();

	private final VmsCatalog catalog = new VmsCatalog();

	VmsStorage(VmsDeclarations declarations, VmodbProperties properties) {
		for (String configured : properties.getVms().keySet()) {
			if (!declarations.contains(configured)) {
				throw new IllegalStateException("vmodb.vms." + configured + " configures a VMS that does not exist; "
						+ "declared VMSs: " + declarations.all().stream().map(VmsDeclarations.Declaration::name).toList());
			}
		}
		try {
			for (VmsDeclarations.Declaration declaration : declarations.all()) {
				this.units.put(declaration.name(), createUnit(declaration, properties));
			}
		}
		catch (RuntimeException ex) {
			destroy();
			throw ex;
		}
	}

	private Unit createUnit(VmsDeclarations.Declaration declaration, VmodbProperties properties) {
		String name = declaration.name();
		JdbcConnectionPool dataSource = dataSource(name, properties);
		try {
			VmsPersistenceUnit persistence = VmsPersistenceUnit.create(name, dataSource, declaration.entities());
			List<TableSchema> schemas = persistence.tables().values().stream().map(EntityTable::schema).toList();
			VersionedStore store = new VersionedStore(name, schemas);
			for (EntityTable<?> entity : persistence.tables().values()) {
				this.catalog.register(bind(name, entity, store));
			}
			return new Unit(name, declaration.type(), dataSource, persistence, store,
					new JdbcCheckpointSink(name, dataSource, schemas));
		}
		catch (RuntimeException ex) {
			dataSource.dispose();
			throw ex;
		}
	}

	private static <T> BoundTable<T> bind(String vms, EntityTable<T> entity, VersionedStore store) {
		return new BoundTable<>(vms, entity, store, store.table(entity.schema().name()));
	}

	private static JdbcConnectionPool dataSource(String vms, VmodbProperties properties) {
		VmodbProperties.Datasource configured = properties.getVms()
			.getOrDefault(vms, new VmodbProperties.Vms())
			.getDatasource();
		String url = configured.getUrl();
		if (url == null) {
			Path directory = properties.getH2().getDirectory();
			url = (directory != null) ? "jdbc:h2:file:" + directory.resolve(vms).toAbsolutePath()
					: "jdbc:h2:mem:vmodb-" + vms + "-" + System.identityHashCode(properties) + ";DB_CLOSE_DELAY=-1";
		}
		return JdbcConnectionPool.create(url, configured.getUsername(), configured.getPassword());
	}

	/**
	 * The entity tables of every VMS, for repositories.
	 * @return the catalog
	 */
	public VmsCatalog catalog() {
		return this.catalog;
	}

	/**
	 * The state side of one VMS.
	 * @param name the VMS name
	 * @return its unit
	 */
	public Unit unit(String name) {
		Unit unit = this.units.get(name);
		if (unit == null) {
			throw new IllegalArgumentException("No VMS named '" + name + "'; VMSs: " + this.units.keySet());
		}
		return unit;
	}

	public List<Unit> units() {
		return List.copyOf(this.units.values());
	}

	@Override
	public void destroy() {
		for (Unit unit : this.units.values()) {
			unit.persistence().close();
			unit.dataSource().dispose();
		}
		this.units.clear();
	}

	/**
	 * The state side of one VMS.
	 * @param name the VMS name
	 * @param type the VMS class
	 * @param dataSource its database
	 * @param persistence its Hibernate mapping
	 * @param store its versioned store
	 * @param sink its checkpoint sink
	 */
	public record Unit(String name, Class<?> type, JdbcConnectionPool dataSource, VmsPersistenceUnit persistence,
			VersionedStore store, JdbcCheckpointSink sink) {

		/**
		 * The VMS's database, for analytics queries over its last checkpoint.
		 * @return the data source
		 */
		public DataSource database() {
			return this.dataSource;
		}

	}

}
