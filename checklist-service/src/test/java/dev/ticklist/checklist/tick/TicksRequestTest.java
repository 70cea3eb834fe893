package dev.ticklist.checklist.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** The tick request's item ids are checked by hand, and refused as its annotations would have them refused. */
class TicksRequestTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void noItemsAreRefusedAsTheAnnotationsRefuseThem() {
        for (List<String> itemIds : Arrays.asList(null, List.<String>of())) {
            assertRefusedLikeTheValidator(new TickController.Ticks(itemIds, null), "itemIds", "must not be empty");
        }
    }

    @Test
    void aBlankItemIsRefusedByItsPlace() {
        assertRefusedLikeTheValidator(new TickController.Ticks(List.of("regression", " "), null),
                "itemIds[1]", "must not be blank");
        assertRefusedLikeTheValidator(new TickController.Ticks(Arrays.asList("regression", "", null), null),
                "itemIds[1]", "must not be blank");
    }

    @Test
    void itemsThatPassTheAnnotationsPass() {
        var ticks = new TickController.Ticks(List.of("regression", "clustering"), null);
        assertThat(VALIDATOR.validate(ticks)).isEmpty();
        assertThatCode(ticks::checkedItemIds).doesNotThrowAnyException();
    }

    private static void assertRefusedLikeTheValidator(TickController.Ticks ticks, String field, String message) {
        assertThat(VALIDATOR.validate(ticks)).extracting(violation -> violation.getMessage()).contains(message);
        var refused = catchThrowableOfType(ErrorResponseException.class, ticks::checkedItemIds);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().getType()).hasToString("urn:ticklist:problem:invalid-request");
        assertThat(refused.getBody().getDetail()).isEqualTo(field + " " + message);
        assertThat(refused.getBody().getProperties()).containsEntry("errors", List.of(Map.of("field", field, "message", message)));
    }
}
