package com.balcao.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs one external tool, feeding and draining its streams on their own threads. */
final class Proc {

    /** A finished process: exit code, standard output and error. */
    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }
    }

    private final Process process;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread errDrain;

    private Proc(Process process) {
        this.process = process;
        this.errDrain = drain(process.getErrorStream(), err);
    }

    static Proc start(List<String> command, Map<String, String> env, Path cwd) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        if (cwd != null) {
            builder.directory(cwd.toFile());
        }
        try {
            return new Proc(builder.start());
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.TOOL_MISSING,
                "cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Runs to the end, with {@code stdin} (or nothing) on its input and its output collected. */
    static Result run(List<String> command, Map<String, String> env, Path cwd, InputStream stdin,
                      Duration timeout) {
        Proc proc = start(command, env, cwd);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread outDrain = drain(proc.process.getInputStream(), out);
        proc.feed(stdin);
        int exit = proc.await(timeout);
        join(outDrain);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), proc.errors());
    }

    /**
     * Like {@link #run}, but stopped as soon as its error output satisfies {@code giveUp}: with
     * SIGINT, as by Ctrl-C, so restic still removes its lock on the repository.
     */
    static Result runUnless(List<String> command, Map<String, String> env, Duration timeout,
                            Predicate<String> giveUp) {
        Proc proc = start(command, env, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread outDrain = drain(proc.process.getInputStream(), out);
        Thread watch = new Thread(() -> proc.stopWhen(giveUp), "proc-watch");
        watch.setDaemon(true);
        watch.start();
        proc.feed(null);
        int exit = proc.await(timeout);
        join(outDrain);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), proc.errors());
    }

    private void stopWhen(Predicate<String> giveUp) {
        try {
            while (process.isAlive()) {
                if (giveUp.test(errors())) {
                    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start()
                        .waitFor();
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                    return;
                }
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            // then the tool runs to its own end, only slower
        }
    }

    /** Runs to the end, copying its standard output to {@code sink}. */
    static Result runTo(List<String> command, Map<String, String> env, OutputStream sink,
                        Duration timeout) {
        Proc proc = start(command, env, null);
        Thread outDrain = drain(proc.process.getInputStream(), sink);
        proc.feed(null);
        int exit = proc.await(timeout);
        join(outDrain);
        return new Result(exit, "", proc.errors());
    }

    Process process() {
        return process;
    }

    /** Writes {@code stdin} to the process and closes its input (at once when null). */
    void feed(InputStream stdin) {
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                stdin.transferTo(in);
            }
        } catch (IOException e) {
            // The tool exited before reading everything; its exit code and stderr tell why.
        }
    }

    int await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
                join(errDrain);
                throw new BackupException(BackupException.Reason.FAILED,
                    "gave up after " + timeout.toMinutes() + " min: " + errors());
            }
            join(errDrain);
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BackupException(BackupException.Reason.FAILED, "interrupted", e);
        }
    }

    String errors() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8).trim();
        }
    }

    static Thread drain(InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (from) {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "proc-drain");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
