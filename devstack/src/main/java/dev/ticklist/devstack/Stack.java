package dev.ticklist.devstack;

import dev.ticklist.testsupport.process.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The four services as processes, started together and stopped together. */
final class Stack implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final List<ServiceProcess> services;

    private Stack(List<ServiceProcess> services) {
        this.services = services;
    }

    /** With the fast-start JVM options of tests. */
    static Stack start(Path projectRoot, StackSettings settings, Path logDir) throws Exception {
        return start(projectRoot, settings, logDir, ServiceProcess.FAST_START);
    }

    static Stack start(Path projectRoot, StackSettings settings, Path logDir, List<String> jvmOptions)
            throws Exception {
        Files.createDirectories(logDir);
        var env = settings.environment();
        var started = new ArrayList<ServiceProcess>();
        var stack = new Stack(started);
        try {
            started.add(ServiceProcess.start(projectRoot, "checklist-service", settings.checklistPort(), env, logDir,
                    jvmOptions));
            started.add(ServiceProcess.start(projectRoot, "progress-service", settings.progressPort(), env, logDir,
                    jvmOptions));
            started.add(ServiceProcess.start(projectRoot, "notification-service", settings.notificationPort(), env, logDir,
                    jvmOptions));
            started.add(ServiceProcess.start(projectRoot, "gateway", settings.gatewayPort(), env, logDir,
                    jvmOptions));
            for (ServiceProcess service : started) {
                service.awaitReady(READY_TIMEOUT);
            }
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
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
