package com.balcao.app.backups;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** The nightly backup (with its verification and retention). */
@DisallowConcurrentExecution
public final class NightlyBackupJob implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            BackupScheduler.service(context).nightly(BackupScheduler.firedFor(context));
        } catch (Exception e) {
            // recorded and alerted by the service; Quartz must not re-fire it at once
            throw new JobExecutionException(e, false);
        }
    }
}
