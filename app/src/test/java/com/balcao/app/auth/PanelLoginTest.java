package com.balcao.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PanelLoginTest {

    @Test
    void onlyLocalPathsAreFollowedAfterLogin() {
        assertThat(PanelLogin.safe("/admin/users?page=2")).isTrue();
        assertThat(PanelLogin.safe("https://evil.example.com")).isFalse();
        assertThat(PanelLogin.safe("//evil.example.com/x")).isFalse();
        assertThat(PanelLogin.safe("/\\evil.example.com")).isFalse();
        assertThat(PanelLogin.safe("/x\r\nSet-Cookie: a=b")).isFalse();
        assertThat(PanelLogin.safe(null)).isFalse();
    }
}
