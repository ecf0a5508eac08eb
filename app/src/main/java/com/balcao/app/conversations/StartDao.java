package com.balcao.app.conversations;

import com.balcao.app.config.RegisterRecordMapper;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The business numbers staff may open a conversation on. */
public interface StartDao {

    @SqlQuery("SELECT id, display_phone_number, label, default_department_id FROM wa_numbers "
        + "WHERE active ORDER BY label, id")
    @RegisterRecordMapper(ConversationStarter.NumberChoice.class)
    List<ConversationStarter.NumberChoice> activeNumbers();
}
