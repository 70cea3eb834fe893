package dev.ticklist.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU each process of the run has used so far, and Redis's per-command statistics
 * ({@code INFO cpu}, {@code INFO commandstats}). The difference of two readings says where a
 * span's time went: the service, Redis, or this JVM (the Kafka broker, and the benchmark's polling).
 *
 * @param serviceNanos   CPU time of the service's process
 * @param redisNanos     CPU time of redis-server (user and system, as it reports them)
 * @param benchmarkNanos CPU time of this JVM, which hosts the broker
 * @param machineNanos   CPU time of every process on the machine ({@code /proc/stat}; 0 where there is none),
 *                       so that other work running beside the benchmark shows
 * @param commands       per Redis command: calls and microseconds spent in them
 */
record ResourceUse(long serviceNanos, long redisNanos, long benchmarkNanos, long machineNanos,
                   Map<String, Command> commands) {

    private static final List<String> SCRIPT_COMMANDS = List.of("eval", "evalsha");

    record Command(String name, long calls, long micros) {

        double microsPerCall() {
            return calls == 0 ? 0 : (double) micros / calls;
        }
    }

    /** CPU time a process has used so far (user and system), 0 once it is gone. */
    static long cpuNanos(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(0L);
    }

    /**
     * CPU a JVM's JIT compiler threads have used: its threads named {@code C1 CompilerThread…} and
     * {@code C2 CompilerThread…}, read from {@code /proc} (0 where there is none, as off Linux).
     */
    static long compilerNanos(long pid) {
        long ticks = 0;
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                        // Fields 14 and 15 after the command in parentheses: user and system time in clock ticks.
                        String stat = Files.readString(thread.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    static ResourceUse read(long servicePid, int redisPort) {
        // Connected before the clocks are read, so that connecting counts in no span.
        var redis = RedisConnection.to(redisPort);
        long service = cpuNanos(servicePid);
        long benchmark = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        var cpu = fields(redis.info("cpu"));
        long redisNanos = (long) ((Double.parseDouble(cpu.get("used_cpu_user"))
                + Double.parseDouble(cpu.get("used_cpu_sys"))) * 1e9);
        var commands = new HashMap<String, Command>();
        fields(redis.info("commandstats")).forEach((field, value) -> {
            // cmdstat_evalsha:calls=202000,usec=3400000,usec_per_call=16.83,...
            var stats = new HashMap<String, String>();
            for (String pair : value.split(",")) {
                stats.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            String name = field.substring("cmdstat_".length());
            commands.put(name, new Command(name, Long.parseLong(stats.get("calls")),
                    Long.parseLong(stats.get("usec"))));
        });
        return new ResourceUse(service, redisNanos, benchmark, machineBusyNanos(), Map.copyOf(commands));
    }

    /** What was used between {@code earlier} and this reading. */
    ResourceUse since(ResourceUse earlier) {
        var commandsSince = new HashMap<String, Command>();
        commands.forEach((name, now) -> {
            var before = earlier.commands.getOrDefault(name, new Command(name, 0, 0));
            if (now.calls() > before.calls()) {
                commandsSince.put(name, new Command(name, now.calls() - before.calls(), now.micros() - before.micros()));
            }
        });
        return new ResourceUse(serviceNanos - earlier.serviceNanos, redisNanos - earlier.redisNanos,
                benchmarkNanos - earlier.benchmarkNanos, machineNanos - earlier.machineNanos, Map.copyOf(commandsSince));
    }

    /** Lua script calls ({@code EVAL}, {@code EVALSHA}); their time includes the commands they ran. */
    Command scripts() {
        return SCRIPT_COMMANDS.stream()
                .map(name -> commands.getOrDefault(name, new Command(name, 0, 0)))
                .reduce(new Command("scripts", 0, 0),
                        (sum, command) -> new Command(sum.name(), sum.calls() + command.calls(), sum.micros() + command.micros()));
    }

    /**
     * The commands other than script calls that took longest, longest first. Redis counts a
     * command a script ran both here and in the script's time.
     */
    List<Command> busiestCommands(int limit) {
        return commands.values().stream()
                .filter(command -> !SCRIPT_COMMANDS.contains(command.name()))
                .sorted(Comparator.comparingLong(Command::micros).reversed())
                .limit(limit)
                .toList();
    }

    /** CPU time other than idle and I/O wait on all cores: {@code cpu user nice system idle iowait irq softirq ...}. */
    private static long machineBusyNanos() {
        try {
            String[] ticks = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(ticks[i]);
            }
            return busy * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException notLinux) {
            return 0;
        }
    }

    /** {@code name:value} lines of an INFO section. */
    private static Map<String, String> fields(String info) {
        var fields = new HashMap<String, String>();
        info.lines().filter(line -> line.contains(":") && !line.startsWith("#")).forEach(line ->
                fields.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).strip()));
        return fields;
    }
}
