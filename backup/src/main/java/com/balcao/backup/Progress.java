package com.balcao.backup;

/** Receives each step of a run as it happens (for logs, a progress bar or a test). */
@FunctionalInterface
public interface Progress {

    /** The steps a run goes through, in order of appearance. */
    enum Step { CHECK, DUMP, FILES, MANIFEST, EXTRACT, LOAD, COMPARE, SWAP, CLEANUP, FORGET, DONE }

    /**
     * @param step what is being done
     * @param detail a short human-readable line (bytes so far, table count…)
     */
    void on(Step step, String detail);

    Progress NONE = (step, detail) -> { };
}
