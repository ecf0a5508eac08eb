package com.balcao.app.config;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * The DAOs attached to one handle, each attached once. An attached DAO keeps the handlers its
 * methods built on first use (see {@link LazySqlObjects}), so code that runs many steps on one
 * handle (a bot turn, a send) attaches each DAO the first time it needs it and reuses it, and
 * its handlers, afterwards.
 */
public final class Daos implements JdbiConfig<Daos> {
    private final Map<Class<?>, Object> attached = new HashMap<>();

    public Daos() {
    }

    /** {@code type} attached to {@code handle}, once per handle. */
    public static <T> T on(Handle handle, Class<T> type) {
        Map<Class<?>, Object> attached = handle.getConfig(Daos.class).attached;
        return type.cast(attached.computeIfAbsent(type, handle::attach));
    }

    @Override
    public Daos createCopy() {
        // A copy belongs to a new handle or statement: DAOs bound to the old handle stay there.
        return new Daos();
    }
}
