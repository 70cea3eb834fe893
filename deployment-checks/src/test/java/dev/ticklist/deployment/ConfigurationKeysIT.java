package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every variable that docker-compose.yml, the overlays and the Dockerfile set is a setting the service
 * reads: a misspelt key is otherwise ignored in silence and the service runs on its default.
 */
class ConfigurationKeysIT {

    /** A configtree file written by docker/create-secrets.sh: {@code write <property> <value>}. */
    private static final Pattern CONFIGTREE_FILE = Pattern.compile("(?m)^\\s*write\\s+([a-z0-9][a-z0-9.\\-]*)\\s");

    @Test
    void composeSetsOnlySettingsTheServicesKnow() {
        ComposeFile compose = ComposeFile.read(Repository.composeFile());
        List<String> unknown = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            assertThat(compose.hasService(service)).as("%s has a service %s", compose.source(), service).isTrue();
            unknown.addAll(ServiceSettings.of(service).unknown(ConfiguredVariables.fromCompose(compose, service)));
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theOverlaysSetOnlySettingsTheServicesKnow() {
        List<String> unknown = new ArrayList<>();
        for (Path overlay : Repository.overlays()) {
            List<ObjectNode> rendering = Kustomize.render(overlay);
            for (String service : Repository.SERVICES) {
                List<ConfiguredVariables.Variable> variables =
                        ConfiguredVariables.fromRendering(rendering, Repository.relative(overlay), service, unknown);
                unknown.addAll(ServiceSettings.of(service).unknown(variables));
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theDockerfileSetsOnlySettingsEveryServiceKnows() {
        Dockerfile dockerfile = Dockerfile.read(Repository.dockerfile());
        List<ConfiguredVariables.Variable> variables = dockerfile.finalStageEnvironment().stream()
                .map(name -> new ConfiguredVariables.Variable(name, dockerfile.source()))
                .toList();
        List<String> unknown = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            unknown.addAll(ServiceSettings.of(service).unknown(variables));
        }
        assertThat(unknown).isEmpty();
    }

    /**
     * The secrets compose hands over as configtree files (docker/create-secrets.sh names each file after
     * the property it sets) are settings some service knows.
     */
    @Test
    void theConfigtreeFilesNameSettingsTheServicesKnow() throws IOException {
        Path script = Repository.root().resolve("docker/create-secrets.sh");
        ComposeFile compose = ComposeFile.read(Repository.composeFile());
        boolean importsConfigtree = Repository.SERVICES.stream()
                .map(compose::environment)
                .anyMatch(environment -> String.valueOf(environment.get("SPRING_CONFIG_IMPORT")).contains("configtree:"));
        if (!importsConfigtree) {
            return; // nothing is read as a configtree, so no file name needs to be a setting
        }
        assertThat(script).as("compose imports a configtree; the script that writes it").isRegularFile();
        Matcher file = CONFIGTREE_FILE.matcher(Files.readString(script));
        List<String> properties = new ArrayList<>();
        while (file.find()) {
            properties.add(file.group(1));
        }
        assertThat(properties).as("files written by %s", Repository.relative(script)).isNotEmpty();
        List<String> unknown = properties.stream()
                .filter(property -> Repository.SERVICES.stream().noneMatch(s -> ServiceSettings.of(s).knowsProperty(property)))
                .map(property -> property + " (written by " + Repository.relative(script) + ") is no setting of any service")
                .toList();
        assertThat(unknown).isEmpty();
    }

    @Test
    void aMisspeltVariableIsReportedWithWhereItIsSet(@TempDir Path dir) {
        ComposeFile compose = ComposeFile.parse("""
                x-env: &env
                  SPRING_KAFKA_ADMIN_AUTO_CREATE: "false"
                services:
                  notification-service:
                    image: ticklist/notification-service:0.1.0
                    environment:
                      <<: *env
                      SPRING_DATA_REDIS_PASSWORD: secret
                      SPRING_KAFKA_ADMIN_AUTOCREATE: "false"
                      MANAGEMENT_SERVER_PORT: "9090"
                      LOGGING_LEVEL_DEV_TICKLIST: debug
                      REDIS_HOST: redis
                      JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75
                      spring.application.name: notifications
                      TICKLIST_WEBHOOK_ENCRYPTON_KEY: abc
                      SPRING_DATA_REDIS_PASWORD: secret
                """, dir, "compose.yml");
        ServiceSettings settings = ServiceSettings.of("notification-service");
        assertThat(settings.unknown(ConfiguredVariables.fromCompose(compose, "notification-service"))).containsExactly(
                "TICKLIST_WEBHOOK_ENCRYPTON_KEY (set by compose.yml service notification-service) is no setting of notification-service",
                "SPRING_DATA_REDIS_PASWORD (set by compose.yml service notification-service) is no setting of notification-service");
    }

    @Test
    void aRenderingSetsContainerEnvAndTheKeysOfConfigMapsReadWithEnvFrom() {
        List<String> problems = new ArrayList<>();
        List<ConfiguredVariables.Variable> variables = ConfiguredVariables.fromRendering(
                Kustomize.render(Fixtures.kustomize("overlay")), "fixture", "gateway", problems);
        assertThat(problems).isEmpty();
        assertThat(variables).extracting(ConfiguredVariables.Variable::name).containsExactlyInAnyOrder(
                "SERVER_PORT", "TICKLIST_IDENTITY_PUBLIC_KEY", "JAVA_TOOL_OPTIONS",
                "TICKLIST_GATEWAY_RATE_LIMIT_BURST_CAPACITY", "SPRING_PROFILES_ACTIVE", "ports", "flag");
        // kustomize writes a ConfigMap's keys sorted; their order means nothing.
        assertThat(ServiceSettings.of("gateway").unknown(variables)).containsExactlyInAnyOrder(
                "ports (set by fixture Deployment gateway via ConfigMap gateway-settings) is no setting of gateway",
                "flag (set by fixture Deployment gateway via ConfigMap gateway-settings) is no setting of gateway");

        ConfiguredVariables.fromRendering(Kustomize.render(Fixtures.kustomize("overlay")), "fixture", "progress-service", problems);
        assertThat(problems).containsExactly("fixture: no Deployment progress-service");
    }

    @Test
    void eachServiceKnowsItsOwnSettingsAndTheirVariables() {
        // The services' own @ConfigurationProperties are in their metadata (spring-boot-configuration-processor).
        assertThat(ServiceSettings.of("gateway").knowsProperty("ticklist.gateway.admin-key")).isTrue();
        assertThat(ServiceSettings.of("gateway").knows("TICKLIST_GATEWAY_ADMINKEY")).isTrue();
        assertThat(ServiceSettings.of("gateway").knows("TICKLIST_GATEWAY_ADMIN_KEY")).isTrue();
        assertThat(ServiceSettings.of("gateway").knows("CHECKLIST_SERVICE_URL")).isTrue();
        assertThat(ServiceSettings.of("checklist-service").knows("CHECKLIST_SERVICE_URL")).isFalse();
        for (String service : Repository.SERVICES) {
            ServiceSettings settings = ServiceSettings.of(service);
            assertThat(settings.knows("KAFKA_BOOTSTRAP_SERVERS")).as(service).isTrue();
            assertThat(settings.knows("TICKLIST_IDENTITY_PUBLIC_KEY")).as(service).isTrue();
            assertThat(settings.knows("SERVER_PORT")).as(service).isTrue();
            assertThat(settings.knows("SPRING_KAFKA_BOOTSTRAP_SERVER")).as(service).isFalse();
        }
    }
}
