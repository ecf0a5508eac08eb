package com.balcao.app.backups;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** The weekly restore drill: every stored byte read back, the latest backup restored. */
@DisallowConcurrentExecution
public final class RestoreDrillJob implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            BackupScheduler.service(context).drill();
        } catch (Exception e) {
            throw new JobExecutionException(e, false);
        }
    }
}
