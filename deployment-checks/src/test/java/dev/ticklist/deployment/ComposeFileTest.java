package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose.yml follows the Compose specification and pins every image it runs. */
class ComposeFileTest {

    @TempDir
    Path dir;

    @Test
    void theComposeFileMatchesTheComposeSpecification() {
        assertThat(ComposeFile.read(Repository.composeFile()).schemaProblems()).isEmpty();
    }

    @Test
    void theComposeFilePinsEveryImage() {
        assertThat(ComposeFile.read(Repository.composeFile()).imageProblems()).isEmpty();
    }

    @Test
    void aValidFileWithAnchorsAndAProjectNamePasses() {
        ComposeFile compose = parse("""
                name: ticklist
                x-env: &env
                  REDIS_HOST: redis
                services:
                  gateway:
                    image: ticklist/gateway:${TICKLIST_VERSION:-0.1.0}
                    build: {context: .}
                    environment:
                      <<: *env
                      SERVER_PORT: 8080
                    healthcheck: {test: ["CMD", "true"], interval: 5s}
                    depends_on:
                      redis: {condition: service_healthy}
                  redis:
                    image: redis:7.4.2-alpine
                """);
        assertThat(compose.schemaProblems()).isEmpty();
        assertThat(compose.imageProblems()).isEmpty();
        assertThat(compose.environment("gateway")).containsOnlyKeys("REDIS_HOST", "SERVER_PORT");
    }

    @Test
    void anUnknownKeyIsRefused() {
        assertThat(parse("""
                services:
                  redis:
                    image: redis:7.4.2-alpine
                    restart_policy: always
                """).schemaProblems()).singleElement().asString().contains("restart_policy");
        assertThat(parse("""
                services:
                  redis:
                    image: redis:7.4.2-alpine
                    healthcheck: {test: ["CMD", "true"], intervall: 5s}
                """).schemaProblems()).singleElement().asString().contains("intervall");
        assertThat(parse("servicess: {}\n").schemaProblems()).singleElement().asString().contains("servicess");
    }

    @Test
    void aWrongTypeIsRefused() {
        assertThat(parse("""
                services:
                  redis:
                    image: redis:7.4.2-alpine
                    ports: 6379
                """).schemaProblems()).isNotEmpty();
    }

    @Test
    void unpinnedImagesAreRefused() {
        assertThat(parse("services: {redis: {image: redis}}\n").imageProblems())
                .containsExactly("compose.yml: service redis image redis has no tag");
        assertThat(parse("services: {redis: {image: 'redis:latest'}}\n").imageProblems())
                .containsExactly("compose.yml: service redis image redis:latest uses the tag latest");
        assertThat(parse("services: {app: {image: 'localhost:5000/app'}}\n").imageProblems())
                .containsExactly("compose.yml: service app image localhost:5000/app has no tag");
        assertThat(parse("services: {app: {image: 'app:${TAG}'}}\n").imageProblems())
                .containsExactly("compose.yml: service app image app:${TAG} depends on ${TAG} without a default");
        assertThat(parse("services: {app: {build: .}}\n").imageProblems())
                .containsExactly("compose.yml: service app has no image: name:tag (a built service names the image it builds)");
    }

    @Test
    void theEnvironmentIsReadFromListsAndMaps() {
        ComposeFile compose = parse("""
                services:
                  a: {image: 'a:1', environment: [A=1, B, C=x=y]}
                  b: {image: 'b:1', environment: {D: null, E: 2}}
                """);
        assertThat(compose.environment("a")).containsOnlyKeys("A", "B", "C").containsEntry("C", "x=y");
        assertThat(compose.environment("b")).containsOnlyKeys("D", "E");
    }

    private ComposeFile parse(String yaml) {
        return ComposeFile.parse(yaml, dir, "compose.yml");
    }
}
