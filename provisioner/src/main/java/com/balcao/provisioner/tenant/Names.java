package com.balcao.provisioner.tenant;

import com.balcao.provisioner.Refused;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** What the operator types, checked before anything is touched. */
public final class Names {
    /** Short enough for a MySQL user name ("t_" + 30) and a Kubernetes namespace. */
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,28}[a-z0-9]");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    private Names() {
    }

    public static String slug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches() || slug.contains("--")) {
            throw new Refused("invalid slug '" + slug + "': 3 to 30 lower-case letters, digits"
                + " and single hyphens, starting with a letter");
        }
        return slug;
    }

    public static String domain(String domain) {
        String d = domain == null ? "" : domain.toLowerCase(java.util.Locale.ROOT);
        String[] labels = d.split("\\.", -1);
        boolean ok = d.length() <= 253 && labels.length >= 2;
        for (String label : labels) {
            ok &= LABEL.matcher(label).matches();
        }
        if (!ok) {
            throw new Refused("invalid domain '" + domain + "': a host name such as"
                + " atendimento.exemplo.com.br");
        }
        return d;
    }

    public static String email(String email) {
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new Refused("invalid admin e-mail '" + email + "'");
        }
        return email.trim();
    }

    public static String timeZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException | NullPointerException e) {
            throw new Refused("unknown time zone '" + zone + "' (e.g. America/Sao_Paulo)");
        }
    }

    public static String version(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new Refused("invalid version '" + version + "': letters, digits, . _ -");
        }
        return version;
    }
}
