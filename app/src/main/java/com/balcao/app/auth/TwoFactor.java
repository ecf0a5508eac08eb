package com.balcao.app.auth;

import com.balcao.app.config.Redis;
import com.balcao.app.users.User;
import com.balcao.app.users.UserDao;
import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import dev.samstevens.totp.util.Utils;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import redis.clients.jedis.params.SetParams;

/**
 * Optional TOTP second factor: enrolment with a QR code, ten one-time recovery codes, and
 * verification at login. A code is accepted once: replaying it within its window fails.
 */
public final class TwoFactor {
    private static final int ENROL_SECONDS = 900;
    private final UserDao users;
    private final RecoveryCodeDao recoveryCodes;
    private final Redis redis;
    private final String issuer;
    private final Clock clock;
    private final CodeVerifier verifier;
    private final TotpSecrets secrets;

    public TwoFactor(UserDao users, RecoveryCodeDao recoveryCodes, Redis redis, String issuer,
                     TotpSecrets secrets, Clock clock) {
        this.users = users;
        this.secrets = secrets;
        this.recoveryCodes = recoveryCodes;
        this.redis = redis;
        this.issuer = issuer;
        this.clock = clock;
        DefaultCodeVerifier codeVerifier =
            new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());
        codeVerifier.setAllowedTimePeriodDiscrepancy(1);
        this.verifier = codeVerifier;
    }

    /** A pending enrolment: the secret to type by hand and the QR code as a data URI. */
    public record Enrolment(String secret, String qrDataUri) {
    }

    /** Starts (or restarts) enrolment; nothing changes until {@link #confirm} succeeds. */
    public Enrolment start(User user) {
        String secret = new DefaultSecretGenerator(32).generate();
        redis.client().set(enrolKey(user.id()), secret, SetParams.setParams().ex(ENROL_SECONDS));
        QrData data = new QrData.Builder().label(user.email()).secret(secret).issuer(issuer)
            .digits(6).period(30).build();
        try {
            byte[] png = new ZxingPngQrGenerator().generate(data);
            return new Enrolment(secret, Utils.getDataUriForImage(png, "image/png"));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code generation failed", e);
        }
    }

    /** Turns 2FA on when the code matches the pending secret; returns the recovery codes. */
    public Optional<List<String>> confirm(User user, String code) {
        String secret = redis.client().get(enrolKey(user.id()));
        if (secret == null || !validTotp(user.id(), secret, code)) {
            return Optional.empty();
        }
        List<String> codes = Arrays.asList(new RecoveryCodeGenerator().generateCodes(10));
        recoveryCodes.replace(user.id(), codes.stream().map(TwoFactor::hashRecovery).toList(),
            clock.instant());
        users.setTotp(user.id(), secrets.seal(secret), true, clock.instant());
        redis.client().del(enrolKey(user.id()));
        return Optional.of(codes);
    }

    public void disable(long userId) {
        users.setTotp(userId, null, false, clock.instant());
        recoveryCodes.deleteAll(userId);
    }

    /** Checks a login code: a current TOTP code or an unused recovery code. */
    public boolean verify(User user, String code) {
        if (!user.totpEnabled() || code == null || code.isBlank()) {
            return false;
        }
        String trimmed = code.trim();
        if (trimmed.matches("\\d{6}")) {
            return validTotp(user.id(), secrets.open(user.totpSecret()), trimmed);
        }
        return recoveryCodes.use(user.id(), hashRecovery(trimmed), clock.instant()) == 1;
    }

    public int recoveryCodesLeft(long userId) {
        return recoveryCodes.remaining(userId);
    }

    private boolean validTotp(long userId, String secret, String code) {
        if (secret == null || code == null || !code.trim().matches("\\d{6}")) {
            return false;
        }
        String trimmed = code.trim();
        if (!verifier.isValidCode(secret, trimmed)) {
            return false;
        }
        String used = redis.key("totp-used:" + userId + ":" + trimmed);
        return "OK".equals(redis.client().set(used, "1", SetParams.setParams().nx().ex(120)));
    }

    private static String hashRecovery(String code) {
        return Tokens.sha256(code.trim().toLowerCase(Locale.ROOT));
    }

    private String enrolKey(long userId) {
        return redis.key("totp-enrol:" + userId);
    }
}
