package dev.vmodb.jpa.mapping;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.vmodb.core.metadata.DeclarationException;
import dev.vmodb.core.schema.ColumnConstraint;
import dev.vmodb.core.schema.Constraints;

/**
 * Turns the Bean Validation constraints on an entity field into column constraints the store checks on every
 * write, and rejects those it cannot check.
 */
final class ConstraintReader {

	private static final Set<Class<? extends Annotation>> SUPPORTED = Set.of(NotNull.class, Min.class, Max.class,
			DecimalMin.class, DecimalMax.class, Positive.class, PositiveOrZero.class, Negative.class,
			NegativeOrZero.class, Size.class, NotBlank.class, NotEmpty.class, Pattern.class);

	List<ColumnConstraint> read(Field field) {
		List<ColumnConstraint> constraints = new ArrayList<>();
		for (Annotation annotation : field.getAnnotations()) {
			Class<? extends Annotation> type = annotation.annotationType();
			if (!type.isAnnotationPresent(Constraint.class)) {
				continue;
			}
			if (!SUPPORTED.contains(type)) {
				throw new DeclarationException(field.getDeclaringClass().getName() + "." + field.getName() + ": @"
						+ type.getSimpleName() + " is not a constraint vMODB can enforce; use one of "
						+ SUPPORTED.stream().map(Class::getSimpleName).sorted().toList()
						+ ", or check it in the handler and abort");
			}
			constraints.add(translate(annotation));
		}
		return constraints;
	}

	private ColumnConstraint translate(Annotation annotation) {
		if (annotation instanceof NotNull) {
			return Constraints.notNull();
		}
		if (annotation instanceof Min min) {
			return Constraints.min(BigDecimal.valueOf(min.value()), true);
		}
		if (annotation instanceof Max max) {
			return Constraints.max(BigDecimal.valueOf(max.value()), true);
		}
		if (annotation instanceof DecimalMin min) {
			return Constraints.min(new BigDecimal(min.value()), min.inclusive());
		}
		if (annotation instanceof DecimalMax max) {
			return Constraints.max(new BigDecimal(max.value()), max.inclusive());
		}
		if (annotation instanceof Positive) {
			return Constraints.min(BigDecimal.ZERO, false);
		}
		if (annotation instanceof PositiveOrZero) {
			return Constraints.min(BigDecimal.ZERO, true);
		}
		if (annotation instanceof Negative) {
			return Constraints.max(BigDecimal.ZERO, false);
		}
		if (annotation instanceof NegativeOrZero) {
			return Constraints.max(BigDecimal.ZERO, true);
		}
		if (annotation instanceof Size size) {
			return Constraints.size(size.min(), size.max());
		}
		if (annotation instanceof NotBlank) {
			return Constraints.notBlank();
		}
		if (annotation instanceof NotEmpty) {
			return Constraints.notEmpty();
		}
		return Constraints.pattern(((Pattern) annotation).regexp());
	}

}
