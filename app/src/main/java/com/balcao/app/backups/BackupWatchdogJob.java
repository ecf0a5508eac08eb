package com.balcao.app.backups;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Every six hours: mails the alert address while no fresh verified backup exists. */
@DisallowConcurrentExecution
public final class BackupWatchdogJob implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            BackupScheduler.service(context).watchdog();
        } catch (Exception e) {
            throw new JobExecutionException(e, false);
        }
    }
}
