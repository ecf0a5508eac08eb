package com.balcao.app.web;

import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;

/**
 * A domain error a person can act on. {@code code} is stable for API clients; the message is
 * looked up in the person's language from {@code messageKey}.
 */
public class AppException extends RuntimeException {
    /** 422, which {@link Response.Status} lacks: the request is understood but not acceptable. */
    public static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private final Response.StatusType status;
    private final String code;
    private final String messageKey;
    private final transient Object[] args;

    public AppException(Response.StatusType status, String code, String messageKey,
                        Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** 404: the thing does not exist, or the person may not know that it does. */
    public static AppException notFound(String code, String messageKey, Object... args) {
        return new AppException(Response.Status.NOT_FOUND, code, messageKey, args);
    }

    /** 409: the request clashes with the current state (closed, held by someone else…). */
    public static AppException conflict(String code, String messageKey, Object... args) {
        return new AppException(Response.Status.CONFLICT, code, messageKey, args);
    }

    /** 422: understood, but not acceptable as it stands (a missing or invalid field). */
    public static AppException unprocessable(String code, String messageKey, Object... args) {
        return new AppException(UNPROCESSABLE, code, messageKey, args);
    }

    /** 400: a malformed parameter (cursor, limit, filter). */
    public static AppException badRequest(String code, String messageKey, Object... args) {
        return new AppException(Response.Status.BAD_REQUEST, code, messageKey, args);
    }

    public Response.StatusType status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Seconds a client should wait before trying again, when that is known. */
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.empty();
    }

    public String message(Messages messages) {
        return messages.get(messageKey, args);
    }
}
