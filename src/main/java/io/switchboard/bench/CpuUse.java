package io.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time this process spent while one load ran, split by who spent it. The emulator's request threads
 * ({@code salesforce-emulator-N}) and the load generator's client threads ({@value #LOAD_THREADS}-N) are told apart
 * by name; the rest is the system under test (the engine or the baseline), with the JVM's own collector and compiler
 * threads, which no Java thread accounts for. A thread that ended during the load takes its time with it, so the
 * parts are lower bounds and {@code process} is the whole.
 */
final class CpuUse {
    static final String LOAD_THREADS = "bench-load";
    private static final String EMULATOR_THREADS = "salesforce-emulator-";
    private static final long NANOS_PER_MILLI = 1_000_000;

    /** Milliseconds of CPU: the whole process, and the emulator's and the load's threads in it. */
    record Split(long processMs, long emulatorMs, long loadMs) {
        static final Split NONE = new Split(0, 0, 0);

        /** What the system under test spent: all but the emulator's and the load's threads. */
        long systemMs() {
            return Math.max(0, processMs - emulatorMs - loadMs);
        }

        double perEvent(long millis, long events) {
            return events == 0 ? 0 : (double) millis / events;
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long processStart;
    private final Map<Long, Long> threadStart;

    private CpuUse() {
        this.processStart = processCpuNanos();
        this.threadStart = threadCpuNanos();
    }

    static CpuUse start() {
        return new CpuUse();
    }

    Split stop() {
        long process = processCpuNanos() - processStart;
        long emulator = 0;
        long load = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            long spent = now - threadStart.getOrDefault(info.getThreadId(), 0L);
            if (info.getThreadName().startsWith(EMULATOR_THREADS)) {
                emulator += spent;
            } else if (info.getThreadName().startsWith(LOAD_THREADS)) {
                load += spent;
            }
        }
        return new Split(process / NANOS_PER_MILLI, emulator / NANOS_PER_MILLI, load / NANOS_PER_MILLI);
    }

    private Map<Long, Long> threadCpuNanos() {
        Map<Long, Long> spent = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0) {
                spent.put(id, cpu);
            }
        }
        return spent;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
