package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Docker stack publishes the gateway alone, on loopback: never Kafka, Redis or a service's own port. */
class ComposeExposureTest {

    @Test
    void onlyTheGatewayIsPublishedAndOnlyOnLoopback() {
        ComposeFile compose = ComposeFile.read(Repository.composeFile());
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            if (service.has("network_mode") && service.path("network_mode").asText().equals("host")) {
                problems.add(name + " shares the host's network");
            }
            for (var port : service.path("ports")) {
                String published = port.isObject() ? port.path("host_ip").asText("") + ":" + port.path("published").asText() : port.asText();
                if (!name.equals("gateway")) {
                    problems.add(name + " publishes " + published);
                } else if (!published.startsWith("127.0.0.1:")) {
                    problems.add(name + " publishes " + published + " beyond loopback");
                }
            }
        });
        assertThat(problems).isEmpty();
    }
}
