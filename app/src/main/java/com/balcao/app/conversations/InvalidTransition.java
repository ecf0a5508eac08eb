package com.balcao.app.conversations;

import com.balcao.app.web.AppException;
import jakarta.ws.rs.core.Response;

/**
 * A move the conversation's owner state does not allow (closed, held by someone else, not in
 * the queue…): 409 with a stable code, the reason in the person's language.
 */
public final class InvalidTransition extends AppException {

    InvalidTransition(String code, String messageKey, Object... args) {
        super(Response.Status.CONFLICT, code, messageKey, args);
    }
}
