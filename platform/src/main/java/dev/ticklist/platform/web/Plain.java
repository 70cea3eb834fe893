package dev.ticklist.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A request field that must be {@link PlainText}: Bean Validation's form of the rule, with its reason as the message. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Plain.Validator.class)
public @interface Plain {

    String message() default "must not hold control characters, bidirectional controls or unassigned code points";

    /** Whether line breaks and tabs are allowed (a description), or not (a name). */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Plain, String> {

        private boolean multiline;

        @Override
        public void initialize(Plain annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            var problem = PlainText.problemIn(value, multiline);
            problem.ifPresent(reason -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(reason.replace("{", "\\{").replace("$", "\\$"))
                        .addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }
}
