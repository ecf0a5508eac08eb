package com.balcao.app.departments;

import java.time.Instant;

/**
 * A team customers are routed to: "Comercial", "Financeiro"… With {@code autoAssign} its
 * queue is handed out to its online agents instead of waiting for one to take over.
 */
public record Department(long id, String name, String slug, String menuKeywords,
                         int responseTimeoutMinutes, boolean active, Instant createdAt,
                         boolean autoAssign) {
}
