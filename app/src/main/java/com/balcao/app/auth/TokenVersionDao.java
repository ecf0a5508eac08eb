package com.balcao.app.auth;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * A person's access-token version: every token carries the version it was issued under, and
 * "sign out everywhere" raises it, so tokens already handed out stop working at once.
 */
public interface TokenVersionDao {
    @SqlQuery("SELECT token_version FROM users WHERE id = :id")
    Optional<Integer> find(@Bind("id") long userId);

    @SqlUpdate("UPDATE users SET token_version = token_version + 1 WHERE id = :id")
    int raise(@Bind("id") long userId);
}
