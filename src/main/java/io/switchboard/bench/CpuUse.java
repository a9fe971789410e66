package io.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The CPU time spent while one load ran, split by who spent it: the emulator's process (read from the operating
 * system), and in this process the load generator's client threads ({@value #LOAD_THREADS}-N, told apart by name) and
 * the rest, the system under test (the engine or the baseline) with the JVM's own collector and compiler threads,
 * which no Java thread accounts for. A load thread that ended during the load takes its time with it, so the load's
 * part is a lower bound and the system's an upper one.
 */
final class CpuUse {
    static final String LOAD_THREADS = "bench-load";
    private static final long NANOS_PER_MILLI = 1_000_000;

    /** Milliseconds of CPU: this whole process, the load's threads in it, and the emulator's process. */
    record Split(long processMs, long emulatorMs, long loadMs) {
        static final Split NONE = new Split(0, 0, 0);

        /** What the system under test spent: this process but the load's threads. */
        long systemMs() {
            return Math.max(0, processMs - loadMs);
        }

        double perEvent(long millis, long events) {
            return events == 0 ? 0 : (double) millis / events;
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** The emulator's process's CPU milliseconds so far; always 0 when none runs. */
    private final LongSupplier emulatorCpuMillis;
    private final long processStart;
    private final long emulatorStart;
    private final Map<Long, Long> threadStart;

    private CpuUse(LongSupplier emulatorCpuMillis) {
        this.emulatorCpuMillis = emulatorCpuMillis;
        this.processStart = processCpuNanos();
        this.emulatorStart = emulatorCpuMillis.getAsLong();
        this.threadStart = threadCpuNanos();
    }

    static CpuUse start(EmulatorProcess emulator) {
        return new CpuUse(emulator::cpuMillis);
    }

    /** For a load with no emulator: its part of the split is 0. */
    static CpuUse startWithoutEmulator() {
        return new CpuUse(() -> 0);
    }

    Split stop() {
        long process = processCpuNanos() - processStart;
        long load = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || !info.getThreadName().startsWith(LOAD_THREADS)) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            if (now >= 0) {
                load += now - threadStart.getOrDefault(info.getThreadId(), 0L);
            }
        }
        return new Split(process / NANOS_PER_MILLI, emulatorCpuMillis.getAsLong() - emulatorStart, load / NANOS_PER_MILLI);
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
