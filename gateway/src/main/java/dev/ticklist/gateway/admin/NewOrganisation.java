package dev.ticklist.gateway.admin;

import dev.ticklist.platform.web.Plain;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /admin/v1/organisations}. */
public record NewOrganisation(
        @NotBlank(message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        @Plain
        String name) {
}
