package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.boot.loader.jar.NestedJarFile;

/**
 * The settings one service knows, read from its Spring Boot jar: every property of the configuration
 * metadata that Spring Boot and our own modules ship (the application's, every library's), plus the
 * environment variables its application.yml and the platform's defaults read as {@code ${NAME:default}}.
 * An environment variable is known when Spring Boot's relaxed binding maps it onto one of them.
 */
final class ServiceSettings {

    /**
     * Variables the JVM itself reads, not Spring: they hold JVM flags (heap, GC) and are set by design.
     */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private static final Map<Path, ServiceSettings> CACHE = new ConcurrentHashMap<>();

    private static final Pattern METADATA =
            Pattern.compile("META-INF/(additional-)?spring-configuration-metadata\\.json");
    private static final Pattern APPLICATION_CONFIG =
            Pattern.compile("BOOT-INF/classes/application(-[^/]+)?\\.(yml|yaml|properties)");
    private static final List<String> LIBRARY_FILES = List.of(
            "META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json",
            "ticklist-platform.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)[:}]");

    private final String service;
    private final Set<String> properties = new HashSet<>();
    private final Set<String> variableForms = new HashSet<>();
    private final Set<String> mapPrefixes = new HashSet<>();
    private final Set<String> listPrefixes = new HashSet<>();
    private final Set<String> placeholders = new HashSet<>();

    private ServiceSettings(String service) {
        this.service = service;
    }

    /** The settings of a service of this repository, read once per test run. */
    static ServiceSettings of(String service) {
        return CACHE.computeIfAbsent(Repository.serviceJar(service), jar -> read(service, jar));
    }

    static ServiceSettings read(String service, Path jar) {
        ServiceSettings settings = new ServiceSettings(service);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (METADATA.matcher(name).matches()
                        || METADATA.matcher(name.replaceFirst("^BOOT-INF/classes/", "")).matches()) {
                    settings.addMetadata(zip.getInputStream(entry));
                } else if (APPLICATION_CONFIG.matcher(name).matches()) {
                    settings.addPlaceholders(zip.getInputStream(entry));
                } else if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    settings.addLibrary(jar, name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        if (settings.properties.isEmpty()) {
            throw new IllegalStateException(jar + " holds no configuration metadata");
        }
        return settings;
    }

    /**
     * A library jar inside the Boot jar: its metadata, and the platform's defaults. Spring Boot's own
     * nested-jar reader opens just those entries; streaming each library through would inflate it all.
     */
    private void addLibrary(Path jar, String entryName) throws IOException {
        try (NestedJarFile library = new NestedJarFile(jar.toFile(), entryName)) {
            for (String name : LIBRARY_FILES) {
                ZipEntry entry = library.getEntry(name);
                if (entry == null) {
                    continue;
                }
                try (InputStream in = library.getInputStream(entry)) {
                    if (name.endsWith(".json")) {
                        addMetadata(in);
                    } else {
                        addPlaceholders(in);
                    }
                }
            }
        }
    }

    private void addMetadata(InputStream in) throws IOException {
        JsonNode metadata = YamlDocuments.JSON.readTree(in.readAllBytes());
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asText();
            String type = property.path("type").asText("");
            properties.add(name);
            List<String> forms = variableForms(name);
            variableForms.addAll(forms);
            if (type.startsWith("java.util.Map<") || type.startsWith("java.util.Properties")) {
                mapPrefixes.addAll(forms);
            }
            if (type.startsWith("java.util.List<") || type.startsWith("java.util.Set<") || type.endsWith("[]")) {
                listPrefixes.addAll(forms);
            }
        }
    }

    private void addPlaceholders(InputStream in) throws IOException {
        Matcher matcher = PLACEHOLDER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
    }

    /**
     * The environment variables Spring Boot binds to a property (SystemEnvironmentPropertyMapper): upper
     * case and dots to underscores, with dashes dropped or, its legacy form, turned into underscores.
     * {@code spring.kafka.admin.auto-create} is read from {@code SPRING_KAFKA_ADMIN_AUTOCREATE} and from
     * {@code SPRING_KAFKA_ADMIN_AUTO_CREATE}.
     */
    static List<String> variableForms(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        String dropped = upper.replace("-", "");
        String legacy = upper.replace('-', '_');
        return dropped.equals(legacy) ? List.of(dropped) : List.of(dropped, legacy);
    }

    /** Whether this service reads the variable; see the class comment. */
    boolean knows(String name) {
        if (JVM_VARIABLES.contains(name) || placeholders.contains(name)) {
            return true;
        }
        if (name.contains(".")) {
            // Spring also reads an environment variable named exactly like a property.
            return properties.contains(name);
        }
        // Spring looks variables up in upper case and in lower case, not in mixed case.
        String variable = name.equals(name.toLowerCase(Locale.ROOT)) ? name.toUpperCase(Locale.ROOT) : name;
        if (variableForms.contains(variable)) {
            return true;
        }
        for (String prefix : mapPrefixes) {
            if (variable.startsWith(prefix + "_") && variable.length() > prefix.length() + 1) {
                return true;
            }
        }
        for (String prefix : listPrefixes) {
            if (variable.startsWith(prefix + "_") && variable.substring(prefix.length() + 1).matches("[0-9]+(_.+)?")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a property name (as a configtree file name) is one this service knows. */
    boolean knowsProperty(String property) {
        return properties.contains(property) || knows(variableForms(property).getFirst());
    }

    /** One line for each variable the service does not know, saying where it is set. */
    List<String> unknown(Collection<ConfiguredVariables.Variable> variables) {
        return variables.stream()
                .filter(variable -> !knows(variable.name()))
                .map(variable -> variable.name() + " (set by " + variable.setBy() + ") is no setting of " + service)
                .distinct()
                .toList();
    }

    String service() {
        return service;
    }
}
