package com.balcao.provisioner.ops;

import com.balcao.provisioner.Progress;
import com.balcao.provisioner.Refused;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.tenant.Niche;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Secrets;
import com.balcao.provisioner.tenant.Tenant;
import com.balcao.provisioner.tenant.TenantState;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A new tenant from nothing to healthy. Every step can run again, so a create that stopped
 * half-way (a crash, a port taken, a database down) is finished by the same command.
 */
public final class Creation {
    private final Registry registry;
    private final PrintWriter out;

    public Creation(Registry registry, PrintWriter out) {
        this.registry = registry;
        this.out = out;
    }

    /** Refuses a taken slug or domain before anything is written; returns a resumable tenant. */
    public Tenant claim(Tenant wanted) {
        Optional<Tenant> existing = registry.find(wanted.slug);
        if (existing.isPresent()) {
            Tenant t = existing.get();
            if (t.state != TenantState.CREATING) {
                throw new Refused("tenant '" + t.slug + "' exists (" + t.domain + ")");
            }
            if (!t.domain.equals(wanted.domain) || !t.driver.equals(wanted.driver)) {
                throw new Refused("an unfinished create of '" + t.slug + "' used domain "
                    + t.domain + " and driver " + t.driver + ": re-run it with those");
            }
            out.println("Resuming the unfinished create of " + t.slug);
            return t;
        }
        for (Tenant other : registry.all()) {
            if (other.domain.equals(wanted.domain)) {
                throw new Refused("domain " + wanted.domain + " is used by tenant '"
                    + other.slug + "'");
            }
        }
        return wanted;
    }

    /** Runs the whole create; the tenant must have passed {@link #claim}. */
    public Optional<String> run(Tenant t, Driver driver, String metaAppSecret) {
        long started = System.nanoTime();
        Progress progress = new Progress(out, 7);
        Map<String, String> env = progress.step("Rendering files and secrets", () -> {
            if (t.createdAt == null) {
                t.createdAt = Instant.now();
            }
            registry.save(t);
            if (metaAppSecret != null && !metaAppSecret.isBlank()) {
                new Secrets(registry.dir(t.slug)).put("WHATSAPP_APP_SECRET", metaAppSecret);
            }
            return TenantFiles.renderEnv(registry, t, driver);
        });
        progress.step("Creating the database and Redis (" + driver.name() + ")",
            () -> driver.provision(t, env));
        AppCommands app = new AppCommands(driver, t);
        progress.step("Migrating the database", () -> app.migrate(t.version));
        progress.step("Starting the stack", () -> driver.start(t));
        progress.step("Waiting until healthy", () -> Health.await(driver, t));
        out.printf("    healthy %.1f s after the create began%n", (System.nanoTime() - started)
            / 1e9);
        // The first verified backup proves the tenant's backups work. It needs only the
        // database, so it runs while the admin is created (two processes, one wait).
        CompletableFuture<String> firstBackup = t.lastVerifiedBackupAt != null
            ? CompletableFuture.completedFuture(t.lastBackupId)
            : CompletableFuture.supplyAsync(() -> new Backups(registry, driver).takeVerified(t));
        Optional<String> password;
        try {
            password = progress.step("Creating the admin " + t.adminEmail,
                () -> app.createAdmin(t.adminEmail));
        } catch (RuntimeException e) {
            firstBackup.handle((id, failure) -> id).join();
            throw e;
        }
        try {
            progress.step("Taking the first verified backup", firstBackup::join);
        } catch (CompletionException e) {
            // The password is shown once: a failing backup must not take it along.
            password.ifPresent(p -> out.println("  Admin password:    " + p
                + "   (shown once; keep it before re-running the create)"));
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        t.state = TenantState.RUNNING;
        registry.save(t);
        return password;
    }

    /** What the operator does next, printed once at the end. */
    public void summary(Tenant t, Optional<String> password) {
        String token = new Secrets(registry.dir(t.slug)).get("WHATSAPP_VERIFY_TOKEN");
        Niche niche = Niche.parse(t.niche);
        out.println();
        out.println("Tenant " + t.slug + " is up (driver " + t.driver + ", version " + t.version
            + ").");
        out.println("  Panel:             " + t.url() + "/");
        out.println("  Admin:             " + t.adminEmail);
        out.println("  Admin password:    " + password.orElse(
            "(already shown when this admin was created)"));
        out.println("                     shown once, to be changed at the first sign-in");
        out.println("  Bot flow:          " + niche.code() + " (" + niche.description() + ")");
        out.println("  Webhook callback:  " + t.url() + "/webhooks/whatsapp");
        out.println("  Verify token:      " + token);
        out.println();
        out.println("Next, in Meta's App Dashboard (developers.facebook.com → your app):");
        out.println("  1. WhatsApp → Configuration → Webhook → Edit: paste the callback URL and");
        out.println("     the verify token above, then Verify and save.");
        out.println("  2. Under Webhook fields, subscribe to 'messages'.");
        out.println("  3. App settings → Basic: copy the App secret; WhatsApp → API Setup: copy");
        out.println("     the phone number ID and a permanent access token (System User).");
        out.println("  4. Sign in to the panel as the admin and enter them under Números.");
        if (t.driver.equals("local")) {
            out.println("  Local ports: app " + t.appPort + ", admin " + t.adminPort
                + ", Redis " + t.redisPort + " (point the reverse proxy for " + t.domain
                + " at 127.0.0.1:" + t.appPort + ")");
        }
    }
}
