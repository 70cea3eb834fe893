package dev.ticklist.gateway.openapi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reading and writing OpenAPI documents as JSON trees. */
final class OpenApiJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiJson() {
    }

    /** The document, if it is an OpenAPI 3 document at all; an {@link IllegalArgumentException} otherwise. */
    static ObjectNode read(String json) {
        JsonNode document = JSON.readTree(json);
        if (!(document instanceof ObjectNode object) || !object.path("openapi").isString()
                || !object.get("openapi").stringValue().startsWith("3.")) {
            throw new IllegalArgumentException("not an OpenAPI 3 document");
        }
        return object;
    }

    static String write(JsonNode document) {
        return JSON.writeValueAsString(document);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
