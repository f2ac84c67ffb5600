package io.zakka.bench.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of processes: a child's from /proc/&lt;pid&gt;/stat (utime + stime), this JVM's from its MXBean. */
public final class ProcCpu {

    /** Clock ticks per second of /proc/&lt;pid&gt;/stat; 100 on every Linux the bench runs on (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcCpu() {
    }

    /** User + system CPU of process {@code pid} in nanoseconds, or -1 when /proc cannot be read. */
    public static long cpuNanos(long pid) {
        try {
            return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * utime + stime of a /proc/&lt;pid&gt;/stat line in nanoseconds. The fields after the command name, which is in
     * parentheses and may itself hold spaces, are: state, ppid, ..., utime (14th field), stime (15th).
     */
    static long parseStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** CPU time of this JVM (the client side of the bench) in nanoseconds, or -1 when unsupported. */
    public static long selfCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
