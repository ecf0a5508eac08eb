package com.balcao.provisioner;

import com.balcao.provisioner.cli.BackupCommand;
import com.balcao.provisioner.cli.CreateCommand;
import com.balcao.provisioner.cli.DestroyCommand;
import com.balcao.provisioner.cli.DoctorCommand;
import com.balcao.provisioner.cli.ListCommand;
import com.balcao.provisioner.cli.LogsCommand;
import com.balcao.provisioner.cli.RestoreCommand;
import com.balcao.provisioner.cli.ResumeCommand;
import com.balcao.provisioner.cli.RotateSecretsCommand;
import com.balcao.provisioner.cli.StartCommand;
import com.balcao.provisioner.cli.StatusCommand;
import com.balcao.provisioner.cli.StopCommand;
import com.balcao.provisioner.cli.SuspendCommand;
import com.balcao.provisioner.cli.UpgradeCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The provider's CLI: one subcommand per verb of a tenant's life. */
@Command(name = "provisioner", mixinStandardHelpOptions = true, version = "balcao provisioner",
    description = "Creates and runs Balcão tenants (app + MySQL + Redis per business).",
    subcommands = {CreateCommand.class, ListCommand.class, StatusCommand.class,
        LogsCommand.class, DoctorCommand.class, UpgradeCommand.class, SuspendCommand.class,
        ResumeCommand.class, RotateSecretsCommand.class, BackupCommand.class,
        RestoreCommand.class, DestroyCommand.class, StartCommand.class, StopCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
            args));
    }

    /** Runs one command line; tests call this with their own writers. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof Refused) {
                err.println("error: " + e.getMessage());
                return ExitCodes.REFUSED;
            }
            if (e instanceof Failed) {
                err.println("failed: " + e.getMessage());
                return ExitCodes.FAILED;
            }
            err.println("failed: " + e);
            return ExitCodes.FAILED;
        });
        return cli.execute(args);
    }
}
