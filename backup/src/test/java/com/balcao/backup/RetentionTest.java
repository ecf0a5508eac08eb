package com.balcao.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 nights of backups, their time set the way a controllable clock would (restic's
 * {@code --time}), then retention: exactly the last of each of the last 7 days, 4 weeks and
 * 6 months that have a backup remain, database and files snapshots alike.
 */
class RetentionTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    @TempDir Path temp;
    private TestDb db;

    @BeforeEach
    void create() {
        db = new TestDb();
        db.exec("CREATE TABLE t (id INT PRIMARY KEY); INSERT INTO t VALUES (1)");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aHundredNightsLeaveExactlyWhatThePolicyKeeps() throws Exception {
        BackupEngine engine = new BackupEngine(BackupTarget.local(temp.resolve("repo"), "k"),
            temp.resolve("work"));
        engine.init();
        CheapKey.install(temp.resolve("repo"), "k");
        BackupSource source = new BackupSource(db.database(), temp.resolve("media"), Map.of(),
            "1", "1");
        List<LocalDate> nights = new ArrayList<>();
        for (int day = 0; day < 100; day++) {
            nights.add(FIRST.plusDays(day));
        }
        // the nights are independent; with a key quick to open, restic mostly waits (on its
        // lock and the disk), so six at a time
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<BackupResult>> runs = new ArrayList<>();
        for (LocalDate night : nights) {
            Instant at = night.atTime(6, 0).toInstant(ZoneOffset.UTC);
            runs.add(pool.submit(() -> engine.backup(source, at, List.of("nightly"),
                Progress.NONE)));
        }
        for (Future<BackupResult> run : runs) {
            run.get();
        }
        pool.shutdown();
        assertThat(engine.list()).hasSize(100);

        List<BackupInfo> kept = engine.forget(RetentionPolicy.defaults(), Progress.NONE);

        Set<LocalDate> expected = expectedKept(nights, RetentionPolicy.defaults());
        assertThat(new TreeSet<>(kept.stream()
            .map(b -> LocalDate.ofInstant(b.time(), ZoneOffset.UTC)).toList()))
            .isEqualTo(expected);
        // 7 days (Apr 4-10), the Sundays Mar 22 and 29 besides Apr 5, and the ends of Jan-Mar
        assertThat(expected).hasSize(12)
            .contains(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 3, 22),
                LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28));
        engine.check(false);
    }

    /** The policy as documented: newest first, the first of each new day/week/month bucket. */
    private static Set<LocalDate> expectedKept(List<LocalDate> nights, RetentionPolicy policy) {
        List<LocalDate> newestFirst = new ArrayList<>(nights);
        newestFirst.sort((a, b) -> b.compareTo(a));
        Map<String, Integer> left = new HashMap<>(Map.of("d", policy.daily(), "w",
            policy.weekly(), "m", policy.monthly()));
        Map<String, Function<LocalDate, Integer>> buckets = Map.of(
            "d", d -> d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth(),
            "w", d -> d.get(IsoFields.WEEK_BASED_YEAR) * 100
                + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
            "m", d -> d.getYear() * 100 + d.getMonthValue());
        Map<String, Integer> last = new HashMap<>();
        Set<LocalDate> kept = new TreeSet<>();
        for (LocalDate night : newestFirst) {
            for (String rule : List.of("d", "w", "m")) {
                int bucket = buckets.get(rule).apply(night);
                if (left.get(rule) > 0 && !Integer.valueOf(bucket).equals(last.get(rule))) {
                    last.put(rule, bucket);
                    left.merge(rule, -1, Integer::sum);
                    kept.add(night);
                }
            }
        }
        return kept;
    }
}
