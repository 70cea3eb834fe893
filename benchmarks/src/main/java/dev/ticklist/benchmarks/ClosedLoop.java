package dev.ticklist.benchmarks;

import dev.ticklist.testsupport.process.ServiceProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Recorder;

/**
 * Clients sending one kind of request back to back, each the moment its last was answered: how
 * many were answered as expected per second, their latency (HdrHistogram), and the CPU each
 * process on their path spent per request, with the harness's own (the clients, and the broker
 * it runs) beside them. Every target is warmed up first until the JIT has
 * compiled its path, so no JVM is measured colder than another: a path through more code takes
 * longer to compile (on two cores, our gateway and checklist-service were still compiling after
 * 30 s, the bare pair long before), and a fixed warm-up would measure it half compiled.
 */
final class ClosedLoop {

    /** A warm-up goes on window by window until the JIT compilers used under this share of a window's CPU. */
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final double COMPILED = 0.05;
    /** ... and the CPU per request fell by less than this share since the window before. */
    private static final double STEADY = 0.03;
    /** However long the compilers keep working, the warm-up ends this long after its minimum. */
    private static final Duration LONGEST_EXTRA_WARMUP = Duration.ofSeconds(150);

    /** This JVM: the clients, and the Kafka broker, which runs in it (LocalKafkaBroker). */
    private static final long HARNESS = ProcessHandle.current().pid();

    /** The n-th request of a run. */
    @FunctionalInterface
    interface Requests {
        HttpRequest request(long n);
    }

    /**
     * What is measured: the requests, the status that counts as answered, and the processes
     * whose CPU is charged to them.
     */
    record Target(String name, Requests requests, int expected, List<ServiceProcess> processes) {
    }

    private final HttpClient http;
    private final int clients;
    private final int redisPort;

    ClosedLoop(HttpClient http, int clients, int redisPort) {
        this.http = http;
        this.clients = clients;
        this.redisPort = redisPort;
    }

    /** One measurement of a target: its rate and the line of figures that says it. */
    record Measured(Rate rate, String line) {
    }

    /**
     * Warms the target's path up for at least {@code warmup} and until the JIT has compiled it, then
     * measures it; one line of figures.
     */
    Measured measure(Target target, Duration warmup, Duration length) throws InterruptedException {
        long warmed = warmUp(target, warmup);
        var measured = measured(target, length);
        return new Measured(measured.rate(), measured.line() + "; warmed up " + warmed + " s");
    }

    /** Measures a target already warmed up (by {@link #measure} once). */
    Measured measured(Target target, Duration length) throws InterruptedException {
        var cpuBefore = target.processes().stream().map(process -> ResourceUse.cpuNanos(process.pid())).toList();
        long harnessBefore = ResourceUse.cpuNanos(HARNESS);
        var redisBefore = ResourceUse.read(ProcessHandle.current().pid(), redisPort);
        var recorder = new Recorder(3);
        long start = System.nanoTime();
        long done = drive(target, length, recorder);
        var rate = Rate.since(done, start);
        var histogram = recorder.getIntervalHistogram();
        var redisUse = ResourceUse.read(ProcessHandle.current().pid(), redisPort).since(redisBefore);
        long harness = ResourceUse.cpuNanos(HARNESS) - harnessBefore;
        long per = Math.max(1, done);
        var cpu = new StringBuilder();
        for (int i = 0; i < target.processes().size(); i++) {
            var process = target.processes().get(i);
            cpu.append(i == 0 ? "" : ", ").append(process.name()).append(' ').append(String.format("%.0f",
                    (ResourceUse.cpuNanos(process.pid()) - cpuBefore.get(i)) / 1e3 / per));
        }
        return new Measured(rate, String.format("%-44s %s; latency p50 / p99 / max %.1f / %.1f / %.1f ms;"
                        + " CPU µs per request: %s, Redis %.0f (%.2f scripts), harness %.0f",
                target.name(), rate, histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getMaxValue() / 1e3, cpu,
                redisUse.redisNanos() / 1e3 / per, (double) redisUse.scripts().calls() / per, harness / 1e3 / per));
    }

    /**
     * Drives the target for the minimum, then window by window until its path runs steady: a window
     * in which the compiler threads of the target's processes used under 5 % of their CPU, and in
     * which those processes spent no more than 3 % less CPU per request than in the window before.
     * (The rate alone is no guide: it can stay flat for a window or two while the compilers are
     * behind. Nor are quiet compilers alone: on a fresh clone the gateway passed that test at
     * 412 µs per tick and spent 304 µs once warmed 30 s longer, docs/benchmarks.md.) The seconds it took.
     */
    private long warmUp(Target target, Duration minimum) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + minimum.plus(LONGEST_EXTRA_WARMUP).toNanos();
        drive(target, minimum.minus(WINDOW).isNegative() ? Duration.ZERO : minimum.minus(WINDOW), null);
        double before = Double.MAX_VALUE;
        while (true) {
            long cpu = cpuOf(target, ResourceUse::cpuNanos);
            long compilers = cpuOf(target, ResourceUse::compilerNanos);
            long answered = drive(target, WINDOW, null);
            long spent = cpuOf(target, ResourceUse::cpuNanos) - cpu;
            double compiling = (double) (cpuOf(target, ResourceUse::compilerNanos) - compilers) / Math.max(1, spent);
            double perRequest = (double) spent / Math.max(1, answered);
            boolean steady = compiling < COMPILED && perRequest >= before * (1 - STEADY);
            Benchmark.say("    warm-up window: %,d requests, %.0f µs CPU per request, compilers %.1f %%",
                    answered, perRequest / 1e3, compiling * 100);
            if (steady || System.nanoTime() >= deadline) {
                return Duration.ofNanos(System.nanoTime() - start).toSeconds();
            }
            before = perRequest;
        }
    }

    private static long cpuOf(Target target, ToLongFunction<Long> use) {
        return target.processes().stream().mapToLong(process -> use.applyAsLong(process.pid())).sum();
    }

    /** Sends until the time is up; the number answered as expected. Any other answer fails the run. */
    long drive(Target target, Duration length, Recorder latencies) throws InterruptedException {
        var sent = new AtomicLong();
        var answered = new AtomicLong();
        var failed = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                threads.execute(() -> {
                    while (System.nanoTime() < end) {
                        var request = target.requests().request(sent.getAndIncrement());
                        long start = System.nanoTime();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != target.expected()) {
                                if (failed.incrementAndGet() < 5) {
                                    System.err.println(target.name() + ": " + response.statusCode() + " " + response.body());
                                }
                                continue;
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            continue;
                        }
                        if (latencies != null) {
                            latencies.recordValue((System.nanoTime() - start) / 1000);
                        }
                        answered.incrementAndGet();
                    }
                });
            }
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(target.name() + ": " + failed.get() + " requests failed");
        }
        return answered.get();
    }
}
