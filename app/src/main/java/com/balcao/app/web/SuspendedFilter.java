package com.balcao.app.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * While the provider has suspended the tenant (the file {@code SUSPENDED} in the data folder,
 * written by the provisioner), every request to the application port gets 503: Meta keeps
 * retrying webhooks for days, so nothing a customer sends in the meantime is lost. The admin
 * port (health) is not filtered. A file rather than a setting: no restart to suspend or resume.
 */
final class SuspendedFilter implements Filter {
    static final String FLAG = "SUSPENDED";
    private static final byte[] BODY = ("{\"code\":\"suspended\",\"message\":"
        + "\"Atendimento temporariamente suspenso. Tente novamente mais tarde.\"}")
        .getBytes(StandardCharsets.UTF_8);
    private final Path flag;

    SuspendedFilter(Path dataDir) {
        this.flag = dataDir.resolve(FLAG);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        if (!Files.exists(flag)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        http.setHeader("Retry-After", "3600");
        http.setContentType("application/json;charset=UTF-8");
        http.setContentLength(BODY.length);
        http.getOutputStream().write(BODY);
    }
}
