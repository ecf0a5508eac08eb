package com.balcao.provisioner.local;

import com.balcao.provisioner.tenant.EnvFile;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Tenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What a test sees of a local tenant from outside: its HTTP port, database and Redis. */
final class LocalTenants {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Registry registry;

    LocalTenants(Path home) {
        this.registry = new Registry(home);
    }

    Tenant tenant(String slug) {
        return registry.get(slug);
    }

    Map<String, String> env(String slug) throws IOException {
        return EnvFile.parse(Files.readString(registry.dir(slug).resolve(".env"))).values();
    }

    /** A webhook call signed with the tenant's Meta app secret, as Meta sends it. */
    int postWebhook(String slug, String body) throws Exception {
        String secret = env(slug).get("WHATSAPP_APP_SECRET");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(
            body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + tenant(slug).appPort + "/webhooks/whatsapp"))
            .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    /** Connects as {@code asSlug}'s own database user to {@code dbSlug}'s database. */
    Connection connect(String asSlug, String dbSlug) throws IOException, SQLException {
        Map<String, String> env = env(asSlug);
        String db = env(dbSlug).get("DB_NAME");
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + db
            + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", env.get("DB_USER"),
            env.get("DB_PASSWORD"));
    }

    long count(String slug, String sql) throws Exception {
        try (Connection c = connect(slug, slug); ResultSet rs = c.createStatement()
            .executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String payload(String text) {
        return """
            {"object":"whatsapp_business_account","entry":[{"id":"100","changes":[{"field":\
            "messages","value":{"messaging_product":"whatsapp","metadata":{\
            "display_phone_number":"5511900000000","phone_number_id":"200000000000999"},\
            "contacts":[{"profile":{"name":"Cliente"},"wa_id":"5511988887777"}],"messages":[{\
            "from":"5511988887777","id":"wamid.%s","timestamp":"1767000000","type":"text",\
            "text":{"body":"%s"}}]}}]}]}""".formatted(text.replace(' ', '-'), text);
    }
}
