package org.ferstudio.nets;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU use during a measurement: this process's cores and everything else's, from the JVM's process CPU
 * time and {@code /proc/stat}. On two cores another busy process can slow OpenMP code by far more than
 * half, so a benchmark figure is only trusted when {@code otherCores} stays near zero.
 */
final class CpuUsage {

    private final long wallStart;
    private final long ownStart;
    private final long[] machineStart;

    private CpuUsage() {
        wallStart = System.nanoTime();
        ownStart = processCpuNanos();
        machineStart = machineTicks();
    }

    static CpuUsage start() {
        return new CpuUsage();
    }

    /** {ownCores, otherCores} averaged since {@link #start()}; NaN where the platform cannot tell. */
    double[] stop() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double own = (processCpuNanos() - ownStart) / 1e9 / wall;
        long[] end = machineTicks();
        double other = Double.NaN;
        if (machineStart != null && end != null) {
            double busySeconds = (end[0] - machineStart[0]) / 100.0; // USER_HZ is 100 on Linux
            other = Math.max(0, busySeconds / wall - own);
        }
        return new double[] {own, other};
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    /** {busy ticks} of all CPUs from the first line of /proc/stat, or null. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // skip idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return new long[] {busy};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
