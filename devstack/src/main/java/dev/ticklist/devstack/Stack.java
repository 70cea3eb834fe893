package dev.ticklist.devstack;

import dev.ticklist.testsupport.process.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The four services as processes, started together and stopped together. */
final class Stack implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final List<ServiceProcess> services;

    private Stack(List<ServiceProcess> services) {
        this.services = services;
    }

    /** With the fast-start JVM options of tests, the actuator on the services' own ports. */
    static Stack start(Path projectRoot, StackSettings settings, Path logDir) throws Exception {
        return start(projectRoot, settings, logDir, ServiceProcess.FAST_START, Map.of());
    }

    /**
     * @param managementPorts per service, a port for its actuator (health, metrics), apart from
     *                        the port it serves on, as in the image; services not named keep it
     *                        on their own port
     */
    static Stack start(Path projectRoot, StackSettings settings, Path logDir, List<String> jvmOptions,
                       Map<String, Integer> managementPorts) throws Exception {
        Files.createDirectories(logDir);
        var started = new ArrayList<ServiceProcess>();
        var stack = new Stack(started);
        var ports = new LinkedHashMap<String, Integer>();
        ports.put("checklist-service", settings.checklistPort());
        ports.put("progress-service", settings.progressPort());
        ports.put("notification-service", settings.notificationPort());
        ports.put("gateway", settings.gatewayPort());
        try {
            for (var service : ports.entrySet()) {
                var env = new HashMap<>(settings.environment(service.getKey()));
                Integer management = managementPorts.get(service.getKey());
                if (management != null) {
                    env.put("MANAGEMENT_SERVER_PORT", Integer.toString(management));
                }
                if (service.getKey().equals("gateway")) {
                    env.putAll(apiDocumentsOnManagementPorts(managementPorts));
                } else if (management != null) {
                    // The service's own API document leaves its service port for the management port.
                    env.put("SPRINGDOC_USE_MANAGEMENT_PORT", "true");
                }
                started.add(ServiceProcess.start(projectRoot, service.getKey(), service.getValue(), env, logDir,
                        jvmOptions));
            }
            for (ServiceProcess service : started) {
                service.awaitReady(READY_TIMEOUT);
            }
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    /** Where the gateway reads each service's own API document: on its management port, if it has one. */
    private static Map<String, String> apiDocumentsOnManagementPorts(Map<String, Integer> managementPorts) {
        var env = new HashMap<String, String>();
        managementPorts.forEach((service, port) -> {
            if (!service.equals("gateway")) {
                String variable = service.replace("-service", "").toUpperCase() + "_SERVICE_API_DOCS_URL";
                env.put(variable, "http://127.0.0.1:" + port + "/actuator/openapi");
            }
        });
        return env;
    }

    List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    @Override
    public void close() {
        services.reversed().forEach(ServiceProcess::close);
    }

    /** The repository root: the folder with the root pom and the service modules. */
    static Path projectRoot() {
        String configured = System.getProperty("ticklist.home");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("checklist-service")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from the Ticklist repository (or set -Dticklist.home)");
    }

}
