package dev.ticklist.checklist.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.hibernate.validator.resourceloading.PlatformResourceBundleLocator;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * The tick request's item ids are checked by hand, and refused with every error its annotations
 * give (bean validation in English, as Spring MVC reports it: {@code itemIds[1]}).
 */
class TicksRequestTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new EnglishMessages()).buildValidatorFactory().getValidator();

    @Test
    void noItemsAreRefusedAsTheAnnotationsRefuseThem() {
        for (List<String> itemIds : Arrays.asList(null, List.<String>of())) {
            assertRefusedLikeTheValidator(new TickController.Ticks(itemIds, null));
        }
    }

    @Test
    void everyBlankItemIsRefusedByItsPlace() {
        assertRefusedLikeTheValidator(new TickController.Ticks(List.of("regression", " "), null));
        assertRefusedLikeTheValidator(new TickController.Ticks(Arrays.asList("regression", "", null, "x", "\t"), null));
    }

    @Test
    void itemsThatPassTheAnnotationsPass() {
        var ticks = new TickController.Ticks(List.of("regression", "clustering"), null);
        assertThat(VALIDATOR.validate(ticks)).isEmpty();
        assertThatCode(ticks::checkedItemIds).doesNotThrowAnyException();
    }

    private static void assertRefusedLikeTheValidator(TickController.Ticks ticks) {
        List<Map<String, String>> byTheValidator = VALIDATOR.validate(ticks).stream()
                .map(violation -> Map.of("field", violation.getPropertyPath().toString().replace(".<list element>", ""),
                        "message", violation.getMessage()))
                .toList();
        assertThat(byTheValidator).isNotEmpty();

        var refused = catchThrowableOfType(ErrorResponseException.class, ticks::checkedItemIds);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().getType()).hasToString("urn:ticklist:problem:invalid-request");
        @SuppressWarnings("unchecked")
        var errors = (List<Map<String, String>>) refused.getBody().getProperties().get("errors");
        assertThat(errors).containsExactlyInAnyOrderElementsOf(byTheValidator);
        assertThat(refused.getBody().getDetail()).isEqualTo(String.join("; ",
                errors.stream().map(error -> error.get("field") + " " + error.get("message")).toList()));
    }

    /** The default messages, always in English. */
    private static final class EnglishMessages extends ResourceBundleMessageInterpolator {

        EnglishMessages() {
            super(new PlatformResourceBundleLocator(USER_VALIDATION_MESSAGES));
        }

        @Override
        public String interpolate(String message, Context context) {
            return interpolate(message, context, Locale.ENGLISH);
        }
    }
}
