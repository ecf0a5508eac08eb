package com.balcao.provisioner;

import java.io.PrintWriter;

/** One line per step, with its time, so an operator always sees where a long run is. */
public final class Progress {
    private final PrintWriter out;
    private final int total;
    private int done;

    public Progress(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Runs one step and prints its outcome; a failing step is named before the error goes up. */
    public <T> T step(String what, Step<T> step) {
        done++;
        out.printf("[%d/%d] %s… ", done, total, what);
        out.flush();
        long start = System.nanoTime();
        try {
            T result = step.run();
            out.printf("ok (%.1f s)%n", (System.nanoTime() - start) / 1e9);
            out.flush();
            return result;
        } catch (RuntimeException e) {
            out.println("FAILED");
            out.flush();
            throw e;
        }
    }

    public void step(String what, Runnable step) {
        step(what, () -> {
            step.run();
            return null;
        });
    }

    /** A step's body. */
    @FunctionalInterface
    public interface Step<T> {
        T run();
    }
}
