package com.balcao.provisioner;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process against one home directory and keeps what it printed. */
public final class Cli {
    private final Path home;

    public Cli(Path home) {
        this.home = home;
    }

    /** One run's exit status and output. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    public Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--home");
        all.add(2, home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
            all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }
}
