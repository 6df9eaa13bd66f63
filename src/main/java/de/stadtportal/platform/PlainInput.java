package de.stadtportal.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text typed into a form: no control characters other than tab and line breaks (a NUL would make
 * PostgreSQL refuse the row; the others only break pages and feeds). Null passes; combine with
 * {@code @NotBlank} where the field is required.
 */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = PlainInput.Validator.class)
public @interface PlainInput {

    String message() default "{platform.validation.controlCharacters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainInput, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.codePoints().noneMatch(c ->
                    (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')
                            || c == 0xFFFE || c == 0xFFFF);
        }
    }
}
