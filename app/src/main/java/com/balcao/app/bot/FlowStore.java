package com.balcao.app.bot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The tenant's flows: publishing a new version (validated first), choosing the active flow,
 * installing a shipped one, and reading versions (parsed once; versions never change).
 */
public final class FlowStore {
    private final Jdbi jdbi;
    /** Built once: the active flow is read on every turn and every new conversation. */
    private final FlowDao reads;
    private final Clock clock;
    private final Map<Long, Version> known = new ConcurrentHashMap<>();

    public FlowStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.reads = jdbi.onDemand(FlowDao.class);
        this.clock = clock;
    }

    /** A version and its flow. */
    public record Version(long id, int number, Flow flow) {
    }

    /**
     * The active flow's published version, when the tenant runs a bot. Asked on every turn, so
     * only its id is read; the definition is read once per version.
     */
    public Optional<Version> active() {
        return reads.activeVersionId().flatMap(id -> Optional.ofNullable(known.get(id))
            .or(() -> reads.version(id).map(this::toVersion)));
    }

    public Optional<Version> published(String key) {
        return reads.published(key).map(this::toVersion);
    }

    /** The version a session started on (kept even after newer ones are published). */
    public Optional<Flow> version(long id) {
        Version cached = known.get(id);
        if (cached != null) {
            return Optional.of(cached.flow());
        }
        return reads.version(id).map(this::toVersion).map(Version::flow);
    }

    public List<FlowDao.FlowRow> flows() {
        return reads.all();
    }

    public List<FlowDao.VersionRow> versions(String key) {
        return reads.versions(key);
    }

    /**
     * Publishes {@code flow} as the next version of its key (creating the flow the first
     * time). Invalid flows are refused with their problems; running conversations stay on
     * the version they started.
     */
    public Version publish(Flow flow, Long userId) {
        FlowValidator.require(flow);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            FlowDao flows = handle.attach(FlowDao.class);
            long flowId = flows.lock(flow.key()).map(FlowDao.FlowRow::id)
                .orElseGet(() -> flows.insertFlow(flow.key(), name(flow), now));
            int number = flows.lock(flow.key()).orElseThrow().publishedVersion() + 1;
            long id = flows.insertVersion(flowId, number, FlowJson.write(flow), userId, now);
            flows.publish(flowId, number, name(flow), now);
            Version version = new Version(id, number, flow);
            known.put(id, version);
            return version;
        });
    }

    /** Makes {@code key} the flow new conversations start on (only one runs at a time). */
    public void activate(String key) {
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            FlowDao flows = handle.attach(FlowDao.class);
            long id = flows.lock(key).orElseThrow(() -> new IllegalArgumentException(
                "No flow " + key)).id();
            flows.deactivateAll(now);
            flows.activate(id, now);
        });
    }

    /** Installs a shipped flow unless the tenant has it already; activates it if asked. */
    public void install(String key, boolean activate) {
        if (reads.find(key).isEmpty()) {
            publish(FlowJson.shipped(key), null);
        }
        if (activate) {
            activate(key);
        }
    }

    /** Stops the bot: new conversations go straight to the queue. */
    public void deactivate() {
        jdbi.useHandle(handle -> handle.attach(FlowDao.class).deactivateAll(clock.instant()));
    }

    private Version toVersion(FlowDao.VersionRow row) {
        return known.computeIfAbsent(row.id(), id -> new Version(id, row.version(),
            FlowJson.read(row.definition())));
    }

    private static String name(Flow flow) {
        return flow.name() == null || flow.name().isBlank() ? flow.key() : flow.name();
    }
}
