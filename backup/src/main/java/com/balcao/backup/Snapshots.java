package com.balcao.backup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How a backup maps onto restic snapshots: a database and a files snapshot sharing an id tag. */
final class Snapshots {

    static final String ALL = "balcao";
    static final String DATABASE = "kind:database";
    static final String FILES = "kind:files";
    private static final String ID = "id:";
    private static final String LABEL = "label:";
    private static final String VERIFIED = "verified:";

    /** The two snapshots of one backup. */
    record Pair(String id, String database, String files, Instant time, List<String> tags) { }

    private Snapshots() { }

    static List<String> tags(String id, String kind, List<String> labels) {
        List<String> tags = new ArrayList<>(List.of(ALL, ID + id, kind));
        labels.forEach(label -> tags.add(LABEL + label.replaceAll("[^A-Za-z0-9_.-]", "-")));
        return tags;
    }

    static String verifiedTag(Instant at) {
        return VERIFIED + at.getEpochSecond();
    }

    /** Complete backups (both snapshots present), newest first. */
    static List<Pair> pairs(List<Restic.Snap> snaps) {
        Map<String, Restic.Snap> database = new LinkedHashMap<>();
        Map<String, Restic.Snap> files = new LinkedHashMap<>();
        for (Restic.Snap snap : snaps) {
            tag(snap, ID).ifPresent(id -> (snap.tags().contains(FILES) ? files : database)
                .put(id, snap));
        }
        List<Pair> pairs = new ArrayList<>();
        files.forEach((id, f) -> {
            Restic.Snap d = database.get(id);
            if (d != null) {
                pairs.add(new Pair(id, d.id(), f.id(), f.time(), f.tags()));
            }
        });
        pairs.sort(Comparator.comparing(Pair::time).reversed());
        return pairs;
    }

    static BackupInfo info(Pair pair) {
        List<String> labels = pair.tags().stream().filter(t -> t.startsWith(LABEL))
            .map(t -> t.substring(LABEL.length())).toList();
        Instant verified = pair.tags().stream().filter(t -> t.startsWith(VERIFIED))
            .map(t -> Instant.ofEpochSecond(Long.parseLong(t.substring(VERIFIED.length()))))
            .max(Comparator.naturalOrder()).orElse(null);
        // restic reports a new snapshot by its short id; list the same form
        String snapshot = pair.database().substring(0, Math.min(8, pair.database().length()));
        return new BackupInfo(pair.id(), snapshot, pair.time(), labels, verified);
    }

    private static Optional<String> tag(Restic.Snap snap, String prefix) {
        return snap.tags().stream().filter(t -> t.startsWith(prefix))
            .map(t -> t.substring(prefix.length())).findFirst();
    }
}
