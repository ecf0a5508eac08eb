package com.balcao.backup;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a checked scratch copy in place of the target's tables in one {@code RENAME TABLE}:
 * MySQL and MariaDB apply it atomically, so the target is either wholly old or wholly restored.
 * The replaced tables go to {@code <scratch>_old} first (a second database, because foreign key
 * names are unique per database) and are dropped afterwards.
 */
final class DatabaseSwap {

    private DatabaseSwap() { }

    static void swap(MariaDb server, RestoreTarget target) {
        String live = target.database().name();
        String scratch = target.scratchDatabase();
        String old = scratch + "_old";
        List<String> kept = new ArrayList<>();
        for (String table : server.tables(scratch)) {
            if (keeps(target, table)) {
                kept.add(MariaDb.name(scratch, table));
            }
        }
        if (!kept.isEmpty()) {
            server.execute("SET FOREIGN_KEY_CHECKS = 0; DROP TABLE " + String.join(", ", kept));
        }
        server.recreate(old);
        List<String> renames = new ArrayList<>();
        for (String table : server.tables(live)) {
            if (!keeps(target, table)) {
                renames.add(MariaDb.name(live, table) + " TO " + MariaDb.name(old, table));
            }
        }
        for (String table : server.tables(scratch)) {
            renames.add(MariaDb.name(scratch, table) + " TO " + MariaDb.name(live, table));
        }
        if (!renames.isEmpty()) {
            server.execute("SET FOREIGN_KEY_CHECKS = 0; RENAME TABLE "
                + String.join(", ", renames));
        }
        server.execute("SET FOREIGN_KEY_CHECKS = 0; DROP DATABASE `" + old + "`; "
            + "DROP DATABASE `" + scratch + "`");
    }

    private static boolean keeps(RestoreTarget target, String table) {
        return target.keepTablePrefixes().stream()
            .anyMatch(prefix -> table.toLowerCase().startsWith(prefix.toLowerCase()));
    }
}
