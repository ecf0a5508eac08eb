import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent by the app, the build before the bot and the database, read from /proc for
 * the processes run.sh names in BENCH_CPU_PIDS ("app=123,before=456,db=789"). Per message it
 * is steadier than a rate on a shared machine: waiting for a busy core costs no CPU time.
 */
final class BenchCpu {
    private static final Map<String, Long> PIDS = parse(System.getenv("BENCH_CPU_PIDS"));
    private static final double TICKS_PER_SECOND = System.getenv("BENCH_CLK_TCK") == null ? 100
        : Double.parseDouble(System.getenv("BENCH_CLK_TCK"));

    private BenchCpu() {
    }

    /** Whether the process named {@code who} ("app", "before", "db") is known. */
    static boolean known(String who) {
        return PIDS.containsKey(who);
    }

    /** User and system CPU seconds the process has used so far; NaN when unknown. */
    static double seconds(String who) {
        Long pid = PIDS.get(who);
        if (pid == null) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name, in parentheses, may hold spaces: fields are counted after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static Map<String, Long> parse(String pids) {
        Map<String, Long> parsed = new HashMap<>();
        if (pids == null || pids.isBlank()) {
            return parsed;
        }
        for (String pair : pids.split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && !parts[1].isBlank()) {
                parsed.put(parts[0].strip(), Long.parseLong(parts[1].strip()));
            }
        }
        return parsed;
    }
}
