package com.balcao.app.departments;

import java.time.Instant;

/** A team customers are routed to: "Comercial", "Financeiro"… */
public record Department(long id, String name, String slug, String menuKeywords,
                         int responseTimeoutMinutes, boolean active, Instant createdAt) {
}
