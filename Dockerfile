# syntax=docker/dockerfile:1
# One Dockerfile for the four services: `docker build --build-arg SERVICE=gateway --build-arg PORT=8080 .`
# (docker-compose.yml builds all four). The build stage does not depend on SERVICE, so BuildKit
# builds the Maven reactor once and reuses it for every image.

FROM eclipse-temurin:21.0.8_9-jdk-noble AS build
WORKDIR /src
COPY . .
# The Maven repository is a cache mount: a second build downloads nothing.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q --no-transfer-progress -DskipTests \
        -pl gateway,checklist-service,progress-service,notification-service -am package

FROM eclipse-temurin:21.0.8_9-jdk-noble AS layers
ARG SERVICE
WORKDIR /layers
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*.jar /tmp/
# Spring Boot's layers, least changing first, so an image update ships only the application layer.
RUN java -Djarmode=tools -jar /tmp/${SERVICE}-*.jar extract --layers --destination . \
    && test -f application/${SERVICE}-*.jar

FROM eclipse-temurin:21.0.8_9-jre-noble
ARG SERVICE
ARG PORT=8080
RUN groupadd --system --gid 10001 ticklist \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin ticklist
WORKDIR /app
COPY --from=layers /layers/dependencies/ ./
COPY --from=layers /layers/spring-boot-loader/ ./
COPY --from=layers /layers/snapshot-dependencies/ ./
COPY --from=layers /layers/application/ ./
RUN ln -s /app/${SERVICE}-*.jar /app/service.jar
USER 10001:10001
# Actuator answers on its own port, never on the public one (probes and Prometheus only).
# Logs as JSON lines (Elastic Common Schema), one event per line, for a log collector.
# The heap: 75 % of the container's memory from the start and never given back (MaxHeapFreeRatio:
# the initial size alone is no floor), as a heap shrunk to its live data is marked and collected
# again and again (docs/benchmarks.md, "Session 17").
ENV SERVER_PORT=${PORT} \
    MANAGEMENT_SERVER_PORT=9090 \
    LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs \
    JAVA_TOOL_OPTIONS="-XX:InitialRAMPercentage=75 -XX:MaxRAMPercentage=75 -XX:MaxHeapFreeRatio=100 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT} 9090
# Ready means Kafka and Redis answer too (the readiness group); bash's /dev/tcp needs no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
