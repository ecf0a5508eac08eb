package com.balcao.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.balcao.app.config.TenantConfig;
import com.balcao.app.users.User;
import com.balcao.app.web.AppExceptionMapper;
import com.balcao.app.web.ErrorResponses;
import com.balcao.app.web.Pages;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ApiAuthResourceTest {
    static final LoginService LOGINS = mock(LoginService.class);
    static final ApiTokens TOKENS = mock(ApiTokens.class);
    static final StaffDirectory DIRECTORY = mock(StaffDirectory.class);
    static final ResourceExtension RESOURCE = ResourceExtension.builder()
        .addResource(new ApiAuthResource(LOGINS, TOKENS, DIRECTORY))
        .addProvider(new AppExceptionMapper(new ErrorResponses(new Pages(new TenantConfig(), () -> ""))))
        .build();

    private static User user(boolean totp, boolean mustChange) {
        return new User(7, "ana@test.local", "Ana", "hash", Role.AGENT, true, "pt-BR", 5, null,
            null, totp, mustChange, null, Instant.now());
    }

    private static Response login(String email, String password) {
        return RESOURCE.target("/api/v1/auth/login").request()
            .post(Entity.json(Map.of("email", email, "password", password)));
    }

    @Test
    void acceptedCredentialsReturnTheTokenPair() {
        when(LOGINS.checkPassword(eq("ok@test.local"), anyString(), any(), eq("API")))
            .thenReturn(new LoginService.Accepted(user(false, false)));
        when(TOKENS.issue(7)).thenReturn(new ApiTokens.Pair("access", "refresh", 900));

        Response response = login("ok@test.local", "senha-forte-123");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.readEntity(Map.class)).containsEntry("accessToken", "access")
            .containsEntry("refreshToken", "refresh").containsEntry("expiresIn", 900);
    }

    @Test
    void accountOwingANewPasswordMayNotUseTheApi() {
        when(LOGINS.checkPassword(eq("owes@test.local"), anyString(), any(), eq("API")))
            .thenReturn(new LoginService.Accepted(user(false, true)));

        Response response = login("owes@test.local", "senha-forte-123");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.readEntity(Map.class))
            .containsEntry("code", "password_change_required");
    }

    @Test
    void refreshWithAnUnknownTokenIs401() {
        when(TOKENS.refresh(eq("nope"), any())).thenReturn(Optional.empty());

        Response response = RESOURCE.target("/api/v1/auth/refresh").request()
            .post(Entity.json(Map.of("refreshToken", "nope")));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.readEntity(Map.class)).containsEntry("code", "invalid_refresh_token");
    }
}
