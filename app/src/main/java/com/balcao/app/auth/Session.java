package com.balcao.app.auth;

import java.time.Instant;

/**
 * A panel session held in Redis. {@code stage} is {@link Stage#SIGNED_IN} once every login
 * step passed; before that it only allows the remaining step (second factor or new password).
 */
public record Session(String id, long userId, String csrf, Stage stage, Instant createdAt) {

    /** How far the login went. */
    public enum Stage { SECOND_FACTOR, PASSWORD_CHANGE, SIGNED_IN }
}
