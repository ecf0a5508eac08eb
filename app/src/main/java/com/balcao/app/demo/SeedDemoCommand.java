package com.balcao.app.demo;

import com.balcao.app.auth.PasswordHasher;
import com.balcao.app.auth.Role;
import com.balcao.app.bot.FlowStore;
import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Databases;
import com.balcao.app.departments.Department;
import com.balcao.app.departments.DepartmentDao;
import com.balcao.app.departments.DepartmentService;
import com.balcao.app.users.NewAccount;
import com.balcao.app.users.UserDao;
import com.balcao.app.whatsapp.NumberSetup;
import com.balcao.app.whatsapp.WhatsApp;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code seed-demo config.yml}: the demo tenant's departments and staff. Safe to run again:
 * what exists is kept, and the demo passwords are set back to the documented ones.
 */
public final class SeedDemoCommand extends ConfiguredCommand<AppConfig> {
    static final String AGENT_PASSWORD = "demo-agent-123";
    static final String SUPERVISOR_PASSWORD = "demo-super-123";
    static final String DEMO_PHONE_NUMBER_ID = "200000000000001";
    static final String DEMO_WABA_ID = "100000000000001";

    /** A department of the demo tenant. */
    record DemoDepartment(String name, String slug, String keywords) {
    }

    /** A person of the demo tenant. */
    record DemoPerson(String name, String email, String password, Role role, List<String> slugs) {
    }

    static final List<DemoDepartment> DEPARTMENTS = List.of(
        new DemoDepartment("Laboratório", "laboratorio", "laboratório, exame, resultado"),
        new DemoDepartment("Comercial", "comercial", "comprar, orçamento, preço"),
        new DemoDepartment("Financeiro", "financeiro", "boleto, pagamento, nota fiscal"),
        new DemoDepartment("Administrativo", "administrativo", "documentos, cadastro"));

    public SeedDemoCommand() {
        super("seed-demo", "Seeds the demo tenant (departments, staff, WhatsApp number)");
    }

    static List<DemoPerson> people(Map<String, String> env) {
        return List.of(
            new DemoPerson("Administrador Demo",
                env.getOrDefault("DEMO_ADMIN_EMAIL", "admin@demo.local"),
                env.getOrDefault("DEMO_ADMIN_PASSWORD", "demo-admin-123"), Role.ADMIN, List.of()),
            new DemoPerson("Sofia Supervisora", "supervisor@demo.local", SUPERVISOR_PASSWORD,
                Role.SUPERVISOR, List.of("laboratorio", "comercial", "financeiro",
                    "administrativo")),
            new DemoPerson("Ana Atendente", "ana@demo.local", AGENT_PASSWORD, Role.AGENT,
                List.of("laboratorio", "comercial")),
            new DemoPerson("Bruno Atendente", "bruno@demo.local", AGENT_PASSWORD, Role.AGENT,
                List.of("financeiro", "administrativo")));
    }

    @Override
    protected void run(Bootstrap<AppConfig> bootstrap, Namespace namespace, AppConfig config)
        throws Exception {
        ManagedDataSource dataSource = config.database.build(bootstrap.getMetricRegistry(),
            "seed-demo");
        try {
            Jdbi jdbi = Databases.standalone(dataSource);
            seed(jdbi, new PasswordHasher(config.security.bcryptCost), System.getenv());
            seedNumber(jdbi, config, System.getenv());
            DemoExtras.seed(jdbi, DEMO_WABA_ID);
            DemoCatalog.seed(jdbi);
            DemoConversations.seed(jdbi, DEMO_PHONE_NUMBER_ID);
            DemoAppointments.seed(jdbi);
            seedBot(jdbi);
        } finally {
            dataSource.stop();
        }
    }

    static void seed(Jdbi jdbi, PasswordHasher hasher, Map<String, String> env) {
        Clock clock = Clock.systemUTC();
        DepartmentDao departments = jdbi.onDemand(DepartmentDao.class);
        DepartmentService departmentService = new DepartmentService(departments, clock);
        for (DemoDepartment department : DEPARTMENTS) {
            if (departments.findBySlug(department.slug()).isEmpty()) {
                departmentService.create(department.name(), department.slug(),
                    department.keywords(), 15);
                System.out.println("Department created: " + department.name());
            }
        }
        UserDao users = jdbi.onDemand(UserDao.class);
        NewAccount accounts = new NewAccount(users, hasher, clock);
        for (DemoPerson person : people(env)) {
            List<Long> ids = person.slugs().stream().map(departments::findBySlug)
                .flatMap(Optional::stream).map(Department::id).toList();
            Optional<Long> existing = users.findByEmail(person.email()).map(user -> user.id());
            if (existing.isPresent()) {
                users.setPassword(existing.get(), hasher.hash(person.password()), false,
                    clock.instant());
                users.setActive(existing.get(), true, clock.instant());
            } else {
                accounts.create(person.name(), person.email(), person.role(), 5, ids,
                    person.password());
                System.out.println("Account created: " + person.email() + " (" + person.role() + ")");
            }
        }
    }

    /** The demo answers first with the department menu (unless another flow was chosen). */
    static void seedBot(Jdbi jdbi) {
        FlowStore flows = new FlowStore(jdbi, Clock.systemUTC());
        if (flows.active().isEmpty() && flows.published("department_menu").isEmpty()) {
            flows.install("department_menu", true);
            System.out.println("Bot flow active: department_menu");
        }
    }

    /**
     * The demo's WhatsApp number (the shared fixtures' ids), sending to the app's own simulator
     * when it is on. Secrets come from WHATSAPP_APP_SECRET / WHATSAPP_VERIFY_TOKEN; without a
     * CREDENTIALS_KEY they are not stored and the configured app secret alone signs webhooks.
     */
    static void seedNumber(Jdbi jdbi, AppConfig config, Map<String, String> env) {
        Long department = jdbi.onDemand(DepartmentDao.class).findBySlug("comercial")
            .map(Department::id).orElse(null);
        String graph = config.simulator.enabled ? "http://127.0.0.1:" + env.getOrDefault("PORT",
            "8080") + "/simulator/api/graph" : null;
        boolean secrets = !config.whatsapp.credentialsKey.isBlank();
        WhatsApp.saveNumber(jdbi, config.whatsapp, new NumberSetup(DEMO_PHONE_NUMBER_ID,
            "15550100001", "WhatsApp Demo", DEMO_WABA_ID, department, 80, graph,
            secrets ? "demo-access-token" : null,
            secrets ? env.get("WHATSAPP_APP_SECRET") : null,
            secrets ? env.get("WHATSAPP_VERIFY_TOKEN") : null));
        System.out.println("WhatsApp number ready: +15550100001 (" + DEMO_PHONE_NUMBER_ID + ")"
            + (graph == null ? "" : ", Graph API: " + graph));
    }
}
