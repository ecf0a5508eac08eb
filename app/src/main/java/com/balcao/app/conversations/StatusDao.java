package com.balcao.app.conversations;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Every status webhook received, once per (wamid, status). Kept apart from the messages so a
 * status that overtakes the send's own answer is not lost: it is applied when the wamid is
 * recorded.
 */
interface StatusDao {

    /** One status as a webhook reported it. */
    record Row(String wamid, MessageStatus status, Instant at, String recipient, Integer code,
               String title, String detail, String callback) {
    }

    @SqlBatch("INSERT IGNORE INTO message_statuses (wa_message_id, status, status_at, "
        + "recipient_id, error_code, error_title, error_detail, callback_data, created_at) "
        + "VALUES (:wamid, :status, :at, :recipient, :code, :title, :detail, :callback, :now)")
    void record(@BindMethods List<Row> rows, @Bind("now") Instant now);

    @SqlQuery("SELECT status, error_code, error_title, error_detail FROM message_statuses "
        + "WHERE wa_message_id = :wamid ORDER BY id")
    @RegisterRecordMapper(RecordedStatus.class)
    List<RecordedStatus> of(@Bind("wamid") String wamid);
}
