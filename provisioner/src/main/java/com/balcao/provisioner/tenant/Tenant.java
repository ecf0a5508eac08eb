package com.balcao.provisioner.tenant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * One tenant as the registry keeps it ({@code <home>/<slug>/tenant.json}). Secrets are not
 * here: they live in their own 0600 files next to it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Tenant {
    public String slug;
    public String domain;
    public String niche;
    public String adminEmail;
    public String timeZone;
    public String driver;
    public String version;
    public TenantState state = TenantState.CREATING;
    public Instant createdAt;
    /** Local driver: where the app, its admin side and its Redis listen on this host. */
    public int appPort;
    public int adminPort;
    public int redisPort;
    /** Kubernetes driver: the app's replica count. */
    public int replicas = 1;
    /** Kubernetes driver: the volume kept with a destroyed tenant's backup repository. */
    public String backupVolume;
    public Instant lastBackupAt;
    public String lastBackupId;
    public Instant lastVerifiedBackupAt;

    public String url() {
        return "https://" + domain;
    }

    /** Letters, digits and underscores: usable as a database or user name. */
    public String identifier() {
        return slug.replace('-', '_');
    }

    public String namespace() {
        return "tenant-" + slug;
    }
}
