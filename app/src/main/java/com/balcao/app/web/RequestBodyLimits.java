package com.balcao.app.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Bounds every request body before anything reads it (authentication and CSRF included):
 * small for forms, the configured size for other bodies, WhatsApp's media limit only on the
 * upload endpoints and the webhook's own limit on the webhook. Compressed bodies are refused
 * (415): nothing of ours takes them, and their inflated size is what would hurt.
 */
public final class RequestBodyLimits implements Filter {
    private static final Pattern UPLOADS = Pattern.compile("/(inbox/c/[^/]+/send"
        + "|api/v1/conversations/[^/]+/media|simulator/api/graph/[^/]+/[^/]+/media)");
    private static final String WEBHOOK = "/webhooks/whatsapp";
    private static final String AVATAR = "/profile/avatar";
    private static final long AVATAR_BYTES = 2L * 1024 * 1024;
    /** Room for the multipart framing and the form fields around an uploaded file. */
    private static final long FRAMING = 256 * 1024;
    /** Of a refused body, at most this much is read and dropped before answering. */
    private static final long DRAINED = 8L * 1024 * 1024;

    /** The sizes, in bytes. */
    public record Limits(long form, long other, long upload, long webhook) {
    }

    private final Limits limits;

    public RequestBodyLimits(Limits limits) {
        this.limits = limits;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse,
                         FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding)) {
            refuse(request, response, 415, "unsupported_media_type",
                "error_unsupported_media_type");
            return;
        }
        long limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, 413, "payload_too_large", "error_payload_too_large");
            return;
        }
        if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (limit > limits.other()) {
            chain.doFilter(new Counted(request, limit), response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) limit + 1);
        if (body.length > limit) {
            refuse(request, response, 413, "payload_too_large", "error_payload_too_large");
            return;
        }
        chain.doFilter(new Counted(request, new ByteArrayInputStream(body), limit), response);
    }

    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (WEBHOOK.equals(path)) {
            return limits.webhook();
        }
        if (UPLOADS.matcher(path).matches()) {
            return limits.upload() + FRAMING;
        }
        if (AVATAR.equals(path)) {
            return AVATAR_BYTES;
        }
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")
            ? limits.form() : limits.other();
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    /**
     * The error, closing the connection so the rest of the body is never read. A few megabytes
     * of it are read and dropped first (raw bytes: nothing is inflated), so a client still
     * sending gets the answer instead of a reset connection.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response,
                               int status, String code, String key) throws IOException {
        if (!"100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            drain(request);
        }
        String message = Messages.of(Messages.PT_BR).get(key);
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI();
        boolean json = path.startsWith("/api/") || path.startsWith("/webhooks/")
            || path.startsWith("/simulator/api/");
        byte[] body = (json ? "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}"
            : "<!doctype html><html lang=\"pt-BR\"><meta charset=\"utf-8\"><title>" + status
            + "</title><p>" + message + "</p></html>").getBytes(StandardCharsets.UTF_8);
        response.setContentType(json ? "application/json" : "text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void drain(HttpServletRequest request) {
        try {
            InputStream in = request.getInputStream();
            byte[] sink = new byte[64 * 1024];
            long left = DRAINED;
            for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left)))
                > 0; ) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the body was already taken: nothing more to drop.
        }
    }

    /** A body without a declared length, read through a counter that stops at the limit. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final ServletInputStream stream;

        Counted(HttpServletRequest request, long limit) throws IOException {
            this(request, request.getInputStream(), limit);
        }

        Counted(HttpServletRequest request, InputStream in, long limit) {
            super(request);
            this.stream = new LimitedStream(in, limit);
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final InputStream in;
        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new IOException("Request body larger than " + limit + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            try {
                return in.available() == 0 && read > 0;
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("Blocking reads only");
        }
    }
}
