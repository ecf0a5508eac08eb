package com.balcao.app.web;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * The request log without secrets or what people searched for: the values of a few query
 * parameters (the webhook's verify token and challenge, search terms) are written as
 * {@code ***}. Everything else of the line is the configured log's.
 */
final class RedactingRequestLog implements RequestLog {
    static final Set<String> HIDDEN = Set.of("hub.verify_token", "hub.challenge", "q", "query",
        "search", "text", "token", "code", "email");
    private static final Pattern PARAMETER = Pattern.compile("(^|&)([^=&]*)=([^&]*)");
    private final RequestLog log;

    RedactingRequestLog(RequestLog log) {
        this.log = log;
    }

    @Override
    public void log(Request request, Response response) {
        HttpURI uri = request.getHttpURI();
        String query = uri == null ? null : uri.getQuery();
        String redacted = redact(query);
        if (redacted == null || redacted.equals(query)) {
            log.log(request, response);
            return;
        }
        HttpURI shown = HttpURI.build(uri).query(redacted).asImmutable();
        log.log(new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return shown;
            }
        }, response);
    }

    /** The query string with the hidden parameters' values replaced. */
    static String redact(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        Matcher matcher = PARAMETER.matcher(query);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            boolean hidden = HIDDEN.contains(name.toLowerCase(java.util.Locale.ROOT))
                && !matcher.group(3).isEmpty();
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + name + "="
                + (hidden ? "***" : matcher.group(3))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
