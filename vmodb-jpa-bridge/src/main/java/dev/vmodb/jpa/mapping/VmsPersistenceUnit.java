package dev.vmodb.jpa.mapping;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.PersistentClass;

import dev.vmodb.core.metadata.DeclarationException;

/**
 * The Hibernate side of one VMS: its entities' mapping, read once, and the schema created in its database.
 */
public final class VmsPersistenceUnit implements AutoCloseable {

	private final String vms;

	private final SessionFactory sessionFactory;

	private final Map<Class<?>, EntityTable<?>> tables = new LinkedHashMap<>();

	private VmsPersistenceUnit(String vms, SessionFactory sessionFactory) {
		this.vms = vms;
		this.sessionFactory = sessionFactory;
	}

	/**
	 * Reads the mapping of a VMS's entities and creates (or updates) their tables in the VMS's database.
	 * @param vms the VMS name
	 * @param dataSource the VMS's database
	 * @param entityClasses its entity classes
	 * @return the persistence unit
	 * @throws DeclarationException if an entity cannot be mapped, naming the class and member
	 */
	public static VmsPersistenceUnit create(String vms, DataSource dataSource, Collection<Class<?>> entityClasses) {
		if (entityClasses.isEmpty()) {
			throw new DeclarationException("VMS '" + vms + "' has no entities; put @Entity classes in its package "
					+ "or list them in @VirtualMicroservice(entities = ...)");
		}
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
			.applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
			.applySetting(AvailableSettings.HBM2DDL_AUTO, "update")
			.applySetting(AvailableSettings.JAKARTA_VALIDATION_MODE, "none")
			.applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 1000)
			.applySetting(AvailableSettings.ORDER_UPDATES, true)
			.applySetting(AvailableSettings.ORDER_INSERTS, true)
			.build();
		try {
			AssociationCheck.check(entityClasses);
			MetadataSources sources = new MetadataSources(registry);
			entityClasses.forEach(sources::addAnnotatedClass);
			Metadata metadata = sources.buildMetadata();
			VmsPersistenceUnit unit = new VmsPersistenceUnit(vms, metadata.buildSessionFactory());
			EntityTableFactory factory = new EntityTableFactory(metadata.getEntityBindings());
			for (PersistentClass entity : metadata.getEntityBindings()) {
				unit.tables.put(entity.getMappedClass(), factory.create(entity));
			}
			return unit;
		}
		catch (DeclarationException ex) {
			StandardServiceRegistryBuilder.destroy(registry);
			throw new DeclarationException("VMS '" + vms + "': " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			StandardServiceRegistryBuilder.destroy(registry);
			throw new DeclarationException("VMS '" + vms + "': Hibernate cannot map its entities " + entityClasses
					+ ": " + ex.getMessage(), ex);
		}
	}

	public String vms() {
		return this.vms;
	}

	/**
	 * The entity tables by entity class.
	 * @return the tables
	 */
	public Map<Class<?>, EntityTable<?>> tables() {
		return this.tables;
	}

	/**
	 * Hibernate's session factory over the VMS's database, for work outside the hot path (analytics queries).
	 * @return the session factory
	 */
	public SessionFactory sessionFactory() {
		return this.sessionFactory;
	}

	@Override
	public void close() {
		this.sessionFactory.close();
	}

}
