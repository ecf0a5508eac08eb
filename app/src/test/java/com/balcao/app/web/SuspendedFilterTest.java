package com.balcao.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuspendedFilterTest {
    @TempDir
    Path dataDir;

    @Test
    void passesEverythingThroughUntilTheProviderSuspendsThenAnswers503() throws Exception {
        SuspendedFilter filter = new SuspendedFilter(dataDir);
        HttpServletRequest request = mock(HttpServletRequest.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        FilterChain chain = mock(FilterChain.class);
        filter.doFilter(request, response, chain);
        verify(chain).doFilter(request, response);

        Files.writeString(dataDir.resolve(SuspendedFilter.FLAG), "suspended");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpServletResponse suspended = mock(HttpServletResponse.class);
        when(suspended.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        });
        FilterChain untouched = mock(FilterChain.class);
        filter.doFilter(request, suspended, untouched);
        verify(untouched, never()).doFilter(request, suspended);
        verify(suspended).setStatus(503);
        verify(suspended).setHeader("Retry-After", "3600");
        assertThat(body.toString(StandardCharsets.UTF_8)).contains("\"code\":\"suspended\"");
    }
}
