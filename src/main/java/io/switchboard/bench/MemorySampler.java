package io.switchboard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Samples this process's heap while a load runs: the peak heap in use, and the peak left after collections (what
 * the process really holds). RSS comes from the kernel: the high-water mark {@code VmHWM} of /proc/self/status.
 */
final class MemorySampler implements AutoCloseable {
    private static final long MB = 1024 * 1024;
    private static final long INTERVAL_MILLIS = 50;

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakAfterCollection;

    private MemorySampler() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        sampler = new Thread(this::sample, "bench-memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static MemorySampler start() {
        return new MemorySampler();
    }

    private void sample() {
        while (running) {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long afterCollection = heapPools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                    .filter(usage -> usage != null).mapToLong(MemoryUsage::getUsed).sum();
            peakUsed = Math.max(peakUsed, used);
            peakAfterCollection = Math.max(peakAfterCollection, afterCollection);
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakHeapMb() {
        return peakUsed / MB;
    }

    long peakLiveHeapMb() {
        return peakAfterCollection / MB;
    }

    static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / MB;
    }

    /** The process's peak resident set so far, in MB; empty where /proc is not available. */
    static OptionalLong peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
