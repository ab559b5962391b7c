package org.divergence.cli.common;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak memory of this process, for benchmarks: heap (sum of pool peaks) and resident set (Linux VmHWM). */
public final class MemoryReport {

    private MemoryReport() {
    }

    static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public static String describe() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        return String.format("peak heap %.1f MiB (max %.0f MiB), peak resident %.1f MiB",
                peakHeapBytes() / 1048576.0, maxHeap / 1048576.0, peakResidentBytes() / 1048576.0);
    }
}
