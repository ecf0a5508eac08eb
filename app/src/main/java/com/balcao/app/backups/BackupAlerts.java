package com.balcao.app.backups;

import com.balcao.app.config.BackupConfig;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people when backups go wrong (an e-mail, when SMTP is configured) and tells a monitor
 * when they went right (a GET to the heartbeat URL). Neither may break a backup.
 */
final class BackupAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(BackupAlerts.class);
    private final BackupConfig config;
    private final String tenantName;
    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10)).build();

    BackupAlerts(BackupConfig config, String tenantName) {
        this.config = config;
        this.tenantName = tenantName;
    }

    int maxAgeHours() {
        return config.maxAgeHours;
    }

    void failed(String what, String problem) {
        LOG.error("backup alert: {} failed: {}", what, problem);
        mail("[" + tenantName + "] Falha no backup / backup failed",
            "O " + what + " de " + tenantName + " falhou.\n" + what + " of " + tenantName
                + " failed.\n\n" + problem + "\n");
    }

    void stale(String detail) {
        LOG.error("backup alert: {}", detail);
        mail("[" + tenantName + "] Sem backup verificado / no verified backup",
            tenantName + ": " + detail + "\n");
    }

    void heartbeat() {
        if (config.heartbeatUrl.isBlank()) {
            return;
        }
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                URI.create(config.heartbeatUrl)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                LOG.warn("backup heartbeat answered {}", response.statusCode());
            }
        } catch (Exception e) {
            LOG.warn("backup heartbeat failed: {}", e.toString());
        }
    }

    private void mail(String subject, String body) {
        if (config.smtpHost.isBlank() || config.alertEmail.isBlank()) {
            return;
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", config.smtpHost);
        props.put("mail.smtp.port", String.valueOf(config.smtpPort));
        props.put("mail.smtp.starttls.enable", String.valueOf(config.smtpStartTls));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        boolean auth = !config.smtpUser.isBlank();
        props.put("mail.smtp.auth", String.valueOf(auth));
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress(config.smtpFrom.isBlank() ? config.alertEmail
                : config.smtpFrom));
            message.setRecipients(Message.RecipientType.TO,
                InternetAddress.parse(config.alertEmail));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            if (auth) {
                Transport.send(message, config.smtpUser, config.smtpPassword);
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            LOG.warn("backup alert e-mail not sent: {}", e.toString());
        }
    }
}
