package com.balcao.provisioner;

/** An operation was tried and did not succeed (a service down, a migration failing, …). */
public final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Failed(String message) {
        super(message);
    }

    public Failed(String message, Throwable cause) {
        super(message, cause);
    }
}
