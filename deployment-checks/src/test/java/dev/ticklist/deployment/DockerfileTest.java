package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The image is built in stages from pinned bases and runs unprivileged with a health check. */
class DockerfileTest {

    private static final String GOOD = """
            # syntax=docker/dockerfile:1
            ARG JDK=21.0.8_9
            FROM eclipse-temurin:${JDK}-jdk-noble AS build
            RUN ./mvnw package
            FROM build AS layers
            FROM eclipse-temurin:${JDK}-jre-noble
            USER 10001:10001
            ENV SERVER_PORT=8080 \\
                JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
            HEALTHCHECK --interval=10s CMD ["true"]
            ENTRYPOINT ["java", "-jar", "/app/service.jar"]
            """;

    @Test
    void theRepositoryDockerfileIsMultiStagePinnedAndUnprivileged() {
        assertThat(Dockerfile.read(Repository.dockerfile()).problems()).isEmpty();
    }

    @Test
    void aGoodDockerfilePasses() {
        Dockerfile dockerfile = Dockerfile.parse(GOOD, "Dockerfile");
        assertThat(dockerfile.problems()).isEmpty();
        assertThat(dockerfile.finalStageEnvironment()).containsExactly("SERVER_PORT", "JAVA_TOOL_OPTIONS");
    }

    @Test
    void eachFaultIsReported() {
        assertThat(problems(GOOD.replace("eclipse-temurin:${JDK}-jre-noble", "eclipse-temurin")))
                .containsExactly("Dockerfile: FROM eclipse-temurin has no tag");
        assertThat(problems(GOOD.replace("${JDK}-jdk-noble", "latest")))
                .containsExactly("Dockerfile: FROM eclipse-temurin:latest uses the tag latest");
        assertThat(problems(GOOD.replace("ARG JDK=21.0.8_9", "ARG JDK")))
                .contains("Dockerfile: FROM eclipse-temurin:${JDK}-jdk-noble uses $JDK, which has no default");
        assertThat(problems(GOOD.replace("USER 10001:10001", "USER root")))
                .containsExactly("Dockerfile: the final stage runs as root");
        assertThat(problems(GOOD.replace("USER 10001:10001", "")))
                .containsExactly("Dockerfile: the final stage runs as root (no USER)");
        assertThat(problems(GOOD.replace("HEALTHCHECK --interval=10s CMD [\"true\"]", "HEALTHCHECK NONE")))
                .containsExactly("Dockerfile: the final stage has no HEALTHCHECK");
        assertThat(problems("FROM eclipse-temurin:21-jre\nUSER 1000\nHEALTHCHECK CMD true\n"))
                .containsExactly("Dockerfile: is not multi-stage (1 FROM)");
    }

    private static java.util.List<String> problems(String text) {
        return Dockerfile.parse(text, "Dockerfile").problems();
    }
}
