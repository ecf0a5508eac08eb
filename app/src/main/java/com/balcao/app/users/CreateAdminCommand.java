package com.balcao.app.users;

import com.balcao.app.auth.LoginService;
import com.balcao.app.auth.PasswordHasher;
import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Databases;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code create-admin --email E --name N config.yml}: the first admin of a tenant. The
 * password is read from standard input (or the terminal); when none is given one is
 * generated, printed once, and must be changed at the first sign-in.
 */
public final class CreateAdminCommand extends ConfiguredCommand<AppConfig> {

    public CreateAdminCommand() {
        super("create-admin", "Creates an admin account (password from stdin or generated)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--email").required(true).help("the admin's e-mail (login)");
        subparser.addArgument("--name").required(true).help("the admin's name");
    }

    @Override
    protected void run(Bootstrap<AppConfig> bootstrap, Namespace namespace, AppConfig config)
        throws Exception {
        String email = LoginService.normalise(namespace.getString("email"));
        String name = namespace.getString("name").trim();
        if (!email.contains("@") || name.isEmpty()) {
            throw new Refused("A valid --email and a non-empty --name are needed");
        }
        String password = readPassword();
        if (!password.isEmpty() && !PasswordHasher.acceptable(password)) {
            throw new Refused("The password needs at least " + PasswordHasher.MIN_LENGTH
                + " characters");
        }
        ManagedDataSource dataSource = config.database.build(bootstrap.getMetricRegistry(),
            "create-admin");
        try {
            Jdbi jdbi = Databases.standalone(dataSource);
            UserDao users = jdbi.onDemand(UserDao.class);
            if (users.findByEmail(email).isPresent()) {
                throw new Refused("An account with e-mail " + email + " exists");
            }
            NewAccount.Created created = new NewAccount(users,
                new PasswordHasher(config.security.bcryptCost), Clock.systemUTC())
                .create(name, email, Role.ADMIN, 10, List.of(), password);
            System.out.println("Admin created: " + email);
            created.generatedPassword().ifPresent(generated -> System.out.println(
                "Generated password (shown once, must be changed at first sign-in): " + generated));
        } finally {
            dataSource.stop();
        }
    }

    /** An operator's mistake: shown as one line, since a stack trace would bury it. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof Refused) {
            cli.getStdErr().println("create-admin: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    /** Why the command did nothing; the exit status is 1. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private static String readPassword() throws Exception {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password (empty to generate one): ");
            return typed == null ? "" : new String(typed);
        }
        BufferedReader reader = new BufferedReader(
            new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? "" : line.strip();
    }
}
