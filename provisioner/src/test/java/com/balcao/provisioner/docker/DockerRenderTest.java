package com.balcao.provisioner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.provisioner.Cli;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.driver.Processes;
import com.balcao.provisioner.tenant.EnvFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two tenants rendered for the docker driver, checked by docker-compose itself (no engine). */
class DockerRenderTest {
    @TempDir
    Path home;

    @Test
    void twoTenantsRenderToValidDistinctComposeProjects() throws Exception {
        assertThat(Processes.onPath("docker-compose")).as("docker-compose is installed"
            + " (scripts/services.sh --compose)").isTrue();
        Cli cli = new Cli(home);
        for (String slug : List.of("loja-a", "loja-b")) {
            Cli.Result r = cli.run("create", slug, "--driver", "docker", "--render-only",
                "--domain", slug + ".example.com", "--niche", "celulares", "--admin-email",
                "dono@" + slug + ".com", "--version", "1.2.0");
            assertThat(r.exit()).as(r.toString()).isZero();
        }
        String a = config("loja-a");
        String b = config("loja-b");
        assertThat(a).contains("name: tenant-loja-a", "name: tenant-loja-a-mysql-data",
            "name: tenant-loja-a-redis-data", "name: tenant-loja-a-app-data",
            "image: balcao/app:1.2.0", "loja-a.example.com", "mem_limit");
        assertThat(b).contains("name: tenant-loja-b", "name: tenant-loja-b-mysql-data")
            .doesNotContain("loja-a");
        assertThat(Files.readString(home.resolve("loja-a").resolve("mysql-init")
            .resolve("10-scratch-grants.sql"))).contains("balcao\\_scratch%");
        assertThat(home.resolve("loja-a").resolve("backups")).isDirectory();

        Map<String, String> envA = env("loja-a");
        Map<String, String> envB = env("loja-b");
        for (String secret : List.of("DB_PASSWORD", "MYSQL_ROOT_PASSWORD", "REDIS_PASSWORD",
            "JWT_SECRET", "WHATSAPP_VERIFY_TOKEN", "CREDENTIALS_KEY")) {
            assertThat(envA.get(secret)).as(secret).hasSizeGreaterThanOrEqualTo(32)
                .isNotEqualTo(envB.get(secret));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
            home.resolve("loja-a").resolve(".env")))).isEqualTo("rw-------");
    }

    @Test
    void composeRefusesAStackWithoutItsSecrets() throws Exception {
        Cli cli = new Cli(home);
        assertThat(cli.run("create", "loja-c", "--driver", "docker", "--render-only",
            "--domain", "loja-c.example.com", "--niche", "geral", "--admin-email",
            "x@loja-c.com").exit()).isZero();
        Path env = home.resolve("loja-c").resolve(".env");
        Files.writeString(env, EnvFile.parse(Files.readString(env)).set("DB_PASSWORD", "")
            .text().replace("DB_PASSWORD=\n", ""));
        Driver.AppRun check = compose("loja-c", "config", "-q");
        assertThat(check.ok()).isFalse();
        assertThat(check.output()).contains("DB_PASSWORD");
    }

    private String config(String slug) {
        Driver.AppRun quiet = compose(slug, "config", "-q");
        assertThat(quiet.ok()).as(quiet.output()).isTrue();
        return compose(slug, "config").output();
    }

    private Driver.AppRun compose(String slug, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("docker-compose", "-p",
            "tenant-" + slug));
        command.addAll(List.of(args));
        return Processes.run(command, Map.of(), home.resolve(slug), null, 60);
    }

    private Map<String, String> env(String slug) throws Exception {
        return EnvFile.parse(Files.readString(home.resolve(slug).resolve(".env"))).values();
    }
}
