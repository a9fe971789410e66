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
 * the process really holds), and its resident memory as the kernel counts it ({@code VmRSS} of /proc/self/status);
 * the high-water mark over the whole benchmark is {@code VmHWM}.
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
    private volatile long peakRssKb;

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
            peakRssKb = Math.max(peakRssKb, statusKb("VmRSS:").orElse(0));
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

    /** The peak resident memory seen while sampling, in MB; 0 where /proc is not available. */
    long peakRssMb() {
        return peakRssKb / 1024;
    }

    static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / MB;
    }

    /** The process's peak resident set over its whole life so far, in MB; empty where /proc is not available. */
    static OptionalLong highWaterRssMb() {
        OptionalLong kb = statusKb("VmHWM:");
        return kb.isPresent() ? OptionalLong.of(kb.getAsLong() / 1024) : kb;
    }

    /** A kB figure of /proc/self/status, such as {@code VmRSS:}. */
    private static OptionalLong statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
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
