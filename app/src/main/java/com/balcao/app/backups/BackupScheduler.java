package com.balcao.app.backups;

import com.balcao.app.config.AppConfig;
import io.dropwizard.lifecycle.Managed;
import java.time.ZoneId;
import java.util.Date;
import java.util.Properties;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz on a clustered JDBC job store in the tenant database: however many replicas run, each
 * firing goes to one of them, and a firing missed while all were down runs at the next start.
 */
final class BackupScheduler implements Managed {
    static final String SERVICE = "backupService";
    static final String NIGHTLY = "nightly-backup";
    private static final String NAME = "balcao";
    private final Scheduler scheduler;
    private final AppConfig config;

    BackupScheduler(AppConfig config, BackupService service, String instanceId) {
        this.config = config;
        try {
            scheduler = new StdSchedulerFactory(properties(config, instanceId)).getScheduler();
            // Quartz keeps one scheduler per name and JVM; each app instance needs its own
            // (they still form one cluster through the database).
            SchedulerRepository.getInstance().remove(NAME);
            scheduler.getContext().put(SERVICE, service);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the backup scheduler", e);
        }
    }

    @Override
    public void start() throws SchedulerException {
        TimeZone zone = TimeZone.getTimeZone(ZoneId.of(config.tenant.timeZone));
        schedule(scheduler, NightlyBackupJob.class, NIGHTLY, config.backup.cron, zone);
        schedule(scheduler, RestoreDrillJob.class, "restore-drill", config.backup.drillCron,
            zone);
        schedule(scheduler, BackupWatchdogJob.class, "backup-watchdog", "0 17 */6 * * ?", zone);
        scheduler.start();
    }

    @Override
    public void stop() throws SchedulerException {
        scheduler.shutdown(true);
    }

    /**
     * Creates the trigger once; replaces it only when its schedule changed, because a replaced
     * trigger forgets a firing it missed while the app was down.
     */
    static void schedule(Scheduler scheduler, Class<? extends Job> job, String name, String cron,
                         TimeZone zone) throws SchedulerException {
        schedule(scheduler, job, name, cron, zone, new Date());
    }

    /** As above, with the firings counted from {@code startAt} instead of from now. */
    static void schedule(Scheduler scheduler, Class<? extends Job> job, String name, String cron,
                         TimeZone zone, Date startAt) throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey(name, "backups");
        Trigger existing = scheduler.getTrigger(key);
        if (existing instanceof CronTrigger current && current.getCronExpression().equals(cron)
            && current.getTimeZone().getID().equals(zone.getID())) {
            return;
        }
        JobDetail detail = JobBuilder.newJob(job).withIdentity(name, "backups").storeDurably()
            .requestRecovery().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(detail)
            .startAt(startAt).withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(zone)
                .withMisfireHandlingInstructionFireAndProceed())
            .build();
        try {
            scheduler.addJob(detail, true);
            if (existing == null) {
                scheduler.scheduleJob(trigger);
            } else {
                scheduler.rescheduleJob(key, trigger);
            }
        } catch (ObjectAlreadyExistsException raced) {
            // another replica scheduled it at the same moment: one trigger is all we want
        }
    }

    static BackupService service(JobExecutionContext context) throws SchedulerException {
        return (BackupService) context.getScheduler().getContext().get(SERVICE);
    }

    static java.time.Instant firedFor(JobExecutionContext context) {
        Date scheduled = context.getScheduledFireTime();
        return scheduled == null ? null : scheduled.toInstant();
    }

    /**
     * Quartz keeps connection pools in one registry per JVM, keyed by data source name, and a
     * scheduler's shutdown closes the pool under its name: a name per instance keeps one
     * app's shutdown from closing the pool of another running in the same JVM.
     */
    static Properties properties(AppConfig config, String instanceId) {
        String source = "db_" + instanceId.replaceAll("[^A-Za-z0-9]", "_");
        String prefix = "org.quartz.dataSource." + source;
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass",
            "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", source);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "7500");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty(prefix + ".provider", "hikaricp");
        p.setProperty(prefix + ".driver", config.database.getDriverClass());
        p.setProperty(prefix + ".URL", config.database.getUrl());
        p.setProperty(prefix + ".user", config.database.getUser());
        p.setProperty(prefix + ".password", config.database.getPassword());
        p.setProperty(prefix + ".maxConnections", "4");
        return p;
    }
}
