package com.balcao.app.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;

/** Who the tenant is and how its panel speaks by default. */
public class TenantConfig {
    @NotBlank public String name = "Balcão";
    @NotBlank public String timeZone = "America/Sao_Paulo";
    @Pattern(regexp = "pt-BR|en") public String defaultLocale = "pt-BR";
    /** Uploaded avatars and WhatsApp media live below this folder. */
    @NotBlank public String dataDir = "data";
    /**
     * Put above every agent's message so the customer knows who answers; {atendente} and
     * {departamento} are filled in, and an empty value sends messages unsigned.
     */
    public String agentSignature = "*{atendente} - {departamento}*:";

    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }
}
