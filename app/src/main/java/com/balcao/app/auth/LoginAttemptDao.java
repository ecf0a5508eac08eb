package com.balcao.app.auth;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every login attempt, kept for lockout decisions and the audit view. */
@RegisterRecordMapper(LoginAttempt.class)
public interface LoginAttemptDao {

    @SqlUpdate("INSERT INTO login_attempts (email, user_id, ip, user_agent, channel, outcome, "
        + "created_at) VALUES (:email, :userId, :ip, :userAgent, :channel, :outcome, :at)")
    void record(@Bind("email") String email, @Bind("userId") Long userId, @Bind("ip") String ip,
                @Bind("userAgent") String userAgent, @Bind("channel") String channel,
                @Bind("outcome") String outcome, @Bind("at") Instant at);

    @SqlQuery("SELECT created_at FROM login_attempts WHERE email = :email AND outcome = 'FAILED' "
        + "AND created_at > :since ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<Instant> recentFailuresForEmail(@Bind("email") String email,
                                         @Bind("since") Instant since, @Bind("limit") int limit);

    @SqlQuery("SELECT created_at FROM login_attempts WHERE ip = :ip AND outcome = 'FAILED' "
        + "AND created_at > :since ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<Instant> recentFailuresForIp(@Bind("ip") String ip, @Bind("since") Instant since,
                                      @Bind("limit") int limit);

    @SqlQuery("SELECT MAX(created_at) FROM login_attempts WHERE email = :email "
        + "AND outcome = 'SUCCESS'")
    Optional<Instant> lastSuccess(@Bind("email") String email);

    @SqlQuery("SELECT id, email, user_id, ip, user_agent, channel, outcome, created_at "
        + "FROM login_attempts WHERE user_id = :userId ORDER BY id DESC LIMIT :limit")
    List<LoginAttempt> historyOf(@Bind("userId") long userId, @Bind("limit") int limit);
}
