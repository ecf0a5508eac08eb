package com.balcao.provisioner.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A copy of the app jar whose changelog ends in a migration that first changes the schema
 * (a new table) and then fails: what an upgrade must survive without a manual step.
 */
final class BrokenBuild {
    static final String PROBE_TABLE = "upgrade_probe";
    private static final String BROKEN = """
            <changeSet id="zz-broken-upgrade" author="test">
                <sql>CREATE TABLE upgrade_probe (id INT)</sql>
                <sql>INSERT INTO table_that_does_not_exist VALUES (1)</sql>
            </changeSet>
        </databaseChangeLog>""";

    private BrokenBuild() {
    }

    static Path from(Path appJar, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(appJar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("migrations.xml")) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    out.write(xml.replace("</databaseChangeLog>", BROKEN)
                        .getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }
}
