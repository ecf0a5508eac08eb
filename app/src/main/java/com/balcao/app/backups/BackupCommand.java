package com.balcao.app.backups;

import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Databases;
import com.balcao.app.config.Redis;
import com.balcao.app.web.AppException;
import com.balcao.app.web.Messages;
import com.balcao.backup.BackupException;
import com.balcao.backup.VerifyReport;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code backup run|list|verify <id>|restore <id> config.yml}: the same engine and repository
 * as the nightly job, for operators and the provisioner. {@code <id>} is a backup id, its
 * snapshot id, or {@code latest}.
 */
public final class BackupCommand extends ConfiguredCommand<AppConfig> {

    public BackupCommand() {
        super("backup", "Backs the tenant up, lists, verifies or restores its backups");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("run", "list", "verify", "restore")
            .help("run | list | verify <id> | restore <id>");
        subparser.addArgument("id").nargs("?").help("backup id, snapshot id or 'latest'");
        super.configure(subparser);
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        // "backup list config.yml": argparse hands the file to the optional id
        if (namespace.get("file") == null && namespace.get("id") != null) {
            namespace.getAttrs().put("file", namespace.getString("id"));
            namespace.getAttrs().put("id", null);
        }
        super.run(bootstrap, namespace);
    }

    @Override
    protected void run(Bootstrap<AppConfig> bootstrap, Namespace namespace, AppConfig config)
        throws Exception {
        String action = namespace.getString("action");
        String id = namespace.getString("id");
        if (("verify".equals(action) || "restore".equals(action)) && id == null) {
            throw new IllegalArgumentException(action + " needs a backup id (or 'latest')");
        }
        ManagedDataSource dataSource = config.database.build(bootstrap.getMetricRegistry(),
            "backup");
        Redis redis = new Redis(config.redis);
        try {
            BackupService service = Backups.standalone(config, Databases.standalone(dataSource),
                redis, Clock.systemUTC());
            switch (action) {
                case "run" -> print(service.run(BackupRun.Trigger.COMMAND, null));
                case "list" -> service.recent().forEach(BackupCommand::print);
                case "verify" -> {
                    BackupRun run = service.verify(id);
                    print(run);
                    if (!run.verified()) {
                        throw new IllegalStateException("backup " + run.backupId()
                            + " did not verify: " + run.problem());
                    }
                }
                default -> {
                    VerifyReport report = service.restore(id);
                    System.out.println("restored backup " + report.id() + " in "
                        + report.took().toSeconds() + " s");
                }
            }
        } finally {
            redis.stop();
            dataSource.stop();
        }
    }

    private static void print(BackupRun run) {
        System.out.printf("backup %s snapshot %s %s started %s took %s size %s added %s%s%n",
            run.publicId(), run.snapshot() == null ? "-" : run.snapshot().substring(0,
                Math.min(8, run.snapshot().length())), run.status(), run.startedAt(),
            BackupsView.duration(run.duration()), BackupsView.bytes(run.sizeBytes()),
            BackupsView.bytes(run.addedBytes()), run.verified() ? " verified " + run.verifiedAt()
                : run.problem() == null ? "" : " problem: " + run.problem());
    }

    /** A failure is one line (the engine's words), not a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof BackupException || e instanceof IllegalArgumentException
            || e instanceof IllegalStateException) {
            cli.getStdErr().println("backup: " + e.getMessage());
        } else if (e instanceof AppException app) {
            cli.getStdErr().println("backup: " + app.message(Messages.of(Messages.EN)));
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
