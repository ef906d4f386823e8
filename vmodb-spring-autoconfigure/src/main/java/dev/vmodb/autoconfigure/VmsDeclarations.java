package dev.vmodb.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.metadata.DeclarationException;

/**
 * The VMS classes of an application and the entity classes each owns, found without instantiating any VMS.
 *
 * <p>An entity belongs to the VMS whose package is the longest prefix of the entity's package, unless a VMS lists
 * its entities explicitly.
 */
final class VmsDeclarations {

	private final Map<String, Declaration> byName = new LinkedHashMap<>();

	VmsDeclarations(ListableBeanFactory beanFactory) {
		List<Class<?>> types = new ArrayList<>();
		for (String beanName : beanFactory.getBeanNamesForAnnotation(VirtualMicroservice.class)) {
			Class<?> type = ClassUtils.getUserClass(beanFactory.getType(beanName));
			if (!types.contains(type)) {
				types.add(type);
			}
		}
		for (Class<?> type : types) {
			String name = type.getAnnotation(VirtualMicroservice.class).value();
			Declaration other = this.byName.put(name, new Declaration(name, type, new ArrayList<>()));
			if (other != null) {
				throw new DeclarationException("VMS name '" + name + "' is used by " + other.type().getName() + " and "
						+ type.getName() + "; VMS names must be unique");
			}
		}
		assignEntities();
	}

	List<Declaration> all() {
		return List.copyOf(this.byName.values());
	}

	boolean contains(String name) {
		return this.byName.containsKey(name);
	}

	private void assignEntities() {
		List<Declaration> scanned = new ArrayList<>();
		for (Declaration declaration : this.byName.values()) {
			Class<?>[] listed = declaration.type().getAnnotation(VirtualMicroservice.class).entities();
			if (listed.length > 0) {
				declaration.entities().addAll(Arrays.asList(listed));
			}
			else {
				scanned.add(declaration);
			}
		}
		scanned.sort(Comparator.comparingInt((Declaration d) -> d.packageName().length()).reversed());
		List<String> claimed = new ArrayList<>();
		this.byName.values().forEach(d -> d.entities().forEach(e -> claimed.add(e.getName())));
		for (Declaration declaration : scanned) {
			ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
			scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
			for (BeanDefinition candidate : scanner.findCandidateComponents(declaration.packageName())) {
				String className = candidate.getBeanClassName();
				if (!claimed.contains(className)) {
					claimed.add(className);
					declaration.entities().add(load(className, declaration));
				}
			}
		}
	}

	private static Class<?> load(String className, Declaration declaration) {
		try {
			return ClassUtils.forName(className, declaration.type().getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new DeclarationException("VMS '" + declaration.name() + "': cannot load entity " + className, ex);
		}
	}

	/**
	 * One declared VMS.
	 * @param name its name
	 * @param type its class
	 * @param entities its entity classes
	 */
	record Declaration(String name, Class<?> type, List<Class<?>> entities) {

		String packageName() {
			return type().getPackageName();
		}

	}

}
