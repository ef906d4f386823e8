package dev.vmodb.autoconfigure;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.vmodb.core.client.InputValidator;

/**
 * Checks input events against the Bean Validation constraints on their record components (for example
 * {@code record Transfer(@Positive long amount, @NotNull String from)}), so that input the application declares
 * invalid is refused when submitted instead of entering the log.
 */
public final class BeanValidationInputValidator implements InputValidator {

	private final Validator validator;

	public BeanValidationInputValidator(Validator validator) {
		this.validator = validator;
	}

	@Override
	public List<String> validate(String event, Record payload) {
		// Hibernate Validator reports violations in no particular order; sorted, the message is the same every time.
		return this.validator.validate(payload).stream().map(BeanValidationInputValidator::describe).sorted().toList();
	}

	private static String describe(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		// a constraint on the record itself has an empty path: its message says enough
		return path.isEmpty() ? violation.getMessage() : path + ": " + violation.getMessage();
	}

}
