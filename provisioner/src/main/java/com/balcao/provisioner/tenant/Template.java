package com.balcao.provisioner.tenant;

import com.balcao.provisioner.Failed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The files of {@code tenant-template/}, packaged inside the CLI's jar. */
public final class Template {
    private Template() {
    }

    public static String read(String name) {
        try (InputStream in = Template.class.getResourceAsStream("/tenant-template/" + name)) {
            if (in == null) {
                throw new Failed("tenant-template/" + name + " is missing from the provisioner");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failed("cannot read tenant-template/" + name, e);
        }
    }
}
