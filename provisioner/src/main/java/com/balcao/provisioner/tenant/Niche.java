package com.balcao.provisioner.tenant;

import com.balcao.provisioner.Refused;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The businesses the bot ships flows for; the app reads the choice from TENANT_NICHE. */
public enum Niche {
    CELULARES("loja de iPhone e celulares"),
    ADVOCACIA("escritório de advocacia"),
    OFICINA("oficina mecânica"),
    MANICURE("nail designer / estúdio de unhas"),
    DETETIVE("investigação particular"),
    GERAL("menu de departamentos, sem fluxo de nicho");

    private final String description;

    Niche(String description) {
        this.description = description;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public static Niche parse(String value) {
        return Arrays.stream(values()).filter(n -> n.code().equals(value)).findFirst()
            .orElseThrow(() -> new Refused("unknown niche '" + value + "' (one of: "
                + Arrays.stream(values()).map(Niche::code).collect(Collectors.joining(", "))
                + ")"));
    }
}
