package dev.ticklist.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an event record and its JSON Schema disagree. Every record on the wire — the event and
 * the records inside it, in lists and maps too — is compared with the object schema at the same
 * place: its components and the schema's properties must be the same names, both ways; the
 * object must be closed ({@code additionalProperties: false}); and every property must be
 * required, because the reader needs every component present (null where it may be null).
 */
final class SchemaAgreement {

    private SchemaAgreement() {
    }

    /** What disagrees, each naming its place (empty when record and schema agree). */
    static List<String> disagreements(Class<?> record, JsonNode schema) {
        var found = new ArrayList<String>();
        compare(record, schema, record.getSimpleName(), found);
        return found;
    }

    private static void compare(Type type, JsonNode schema, String place, List<String> found) {
        JsonNode value = nonNullBranch(schema);
        if (type instanceof Class<?> plain && plain.isRecord()) {
            compareRecord(plain, value, place, found);
        } else if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                if (!value.has("items")) {
                    found.add(place + ": a collection, but the schema has no items");
                } else {
                    compare(generic.getActualTypeArguments()[0], value.get("items"), place + "[]", found);
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                if (!value.path("additionalProperties").isObject()) {
                    found.add(place + ": a map, but the schema gives no additionalProperties for its values");
                } else {
                    compare(generic.getActualTypeArguments()[1], value.get("additionalProperties"),
                            place + "{}", found);
                }
            }
        }
    }

    private static void compareRecord(Class<?> record, JsonNode schema, String place, List<String> found) {
        JsonNode properties = schema.get("properties");
        if (properties == null) {
            found.add(place + ": the record " + record.getSimpleName() + " meets a schema without properties");
            return;
        }
        var components = new LinkedHashSet<String>();
        Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).forEach(components::add);
        var named = new LinkedHashSet<String>();
        properties.fieldNames().forEachRemaining(named::add);
        for (String component : components) {
            if (!named.contains(component)) {
                found.add(place + ": component '" + component + "' of " + record.getSimpleName()
                        + " is not a property of the schema");
            }
        }
        for (String property : named) {
            if (!components.contains(property)) {
                found.add(place + ": property '" + property + "' of the schema is not a component of "
                        + record.getSimpleName());
            }
        }
        if (!schema.path("additionalProperties").isBoolean() || schema.get("additionalProperties").asBoolean()) {
            found.add(place + ": the schema is open to unknown fields (additionalProperties is not false)");
        }
        var required = new LinkedHashSet<String>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        if (!required.equals(named)) {
            found.add(place + ": required " + required + " is not every property " + named);
        }
        for (RecordComponent component : record.getRecordComponents()) {
            if (properties.has(component.getName())) {
                compare(component.getGenericType(), properties.get(component.getName()),
                        place + "." + component.getName(), found);
            }
        }
    }

    /**
     * The places in a schema where an object takes fields it does not name: an object with
     * properties must say {@code additionalProperties: false}; one without (a map) must give a
     * schema for its values.
     */
    static List<String> openObjects(JsonNode schema) {
        var open = new ArrayList<String>();
        collectOpen(schema, "(root)", open);
        return open;
    }

    private static void collectOpen(JsonNode schema, String place, List<String> open) {
        if (schema.isArray()) {
            schema.forEach(element -> collectOpen(element, place, open));
            return;
        }
        if (!schema.isObject()) {
            return;
        }
        JsonNode additional = schema.get("additionalProperties");
        boolean closed = schema.has("properties") ? additional != null && additional.isBoolean() && !additional.asBoolean()
                : additional != null && additional.isObject();
        if (describesObjects(schema) && !closed) {
            open.add(place);
        }
        schema.fields().forEachRemaining(field -> collectOpen(field.getValue(),
                place + "/" + field.getKey(), open));
    }

    private static boolean describesObjects(JsonNode schema) {
        if (schema.has("properties") || "object".equals(schema.path("type").asText())) {
            return true;
        }
        for (JsonNode type : schema.path("type")) {
            if ("object".equals(type.asText())) {
                return true;
            }
        }
        return false;
    }

    /** The branch of a nullable schema ({@code oneOf: [X, {type: null}]}) that describes a value. */
    private static JsonNode nonNullBranch(JsonNode schema) {
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (schema.has(combinator)) {
                for (JsonNode branch : schema.get(combinator)) {
                    if (!"null".equals(branch.path("type").asText())) {
                        return branch;
                    }
                }
            }
        }
        return schema;
    }

    /** The places in a schema that may hold null: {@code evidence}, {@code evidence.url}, {@code skipped[].reason}. */
    static Set<String> nullablePlaces(JsonNode schema) {
        var places = new LinkedHashSet<String>();
        collectNullable(schema, "", places);
        return places;
    }

    private static void collectNullable(JsonNode schema, String place, Set<String> places) {
        if (!place.isEmpty() && admitsNull(schema)) {
            places.add(place);
        }
        JsonNode value = nonNullBranch(schema);
        value.path("properties").fields().forEachRemaining(property ->
                collectNullable(property.getValue(), place.isEmpty() ? property.getKey()
                        : place + "." + property.getKey(), places));
        if (value.has("items")) {
            collectNullable(value.get("items"), place + "[]", places);
        }
    }

    private static boolean admitsNull(JsonNode schema) {
        JsonNode type = schema.path("type");
        if ("null".equals(type.asText())) {
            return true;
        }
        for (JsonNode named : type) {
            if ("null".equals(named.asText())) {
                return true;
            }
        }
        for (String combinator : List.of("oneOf", "anyOf")) {
            for (JsonNode branch : schema.path(combinator)) {
                if (admitsNull(branch)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the JSON of an event holds null, and a value, at a place ({@code [NULL, SET]} as seen, per element too). */
    static Set<Seen> seenAt(JsonNode json, String place) {
        var seen = EnumSet.noneOf(Seen.class);
        collectSeen(json, List.of(place.split("\\.")), seen);
        return seen;
    }

    enum Seen { NULL, SET }

    private static void collectSeen(JsonNode json, List<String> steps, Set<Seen> seen) {
        if (steps.isEmpty()) {
            seen.add(json.isNull() ? Seen.NULL : Seen.SET);
            return;
        }
        if (json == null || json.isNull() || json.isMissingNode()) {
            return;
        }
        String step = steps.getFirst();
        boolean eachElement = step.endsWith("[]");
        JsonNode next = json.get(eachElement ? step.substring(0, step.length() - 2) : step);
        if (next == null) {
            return;
        }
        var rest = steps.subList(1, steps.size());
        if (eachElement) {
            next.forEach(element -> collectSeen(element, rest, seen));
        } else {
            collectSeen(next, rest, seen);
        }
    }
}
