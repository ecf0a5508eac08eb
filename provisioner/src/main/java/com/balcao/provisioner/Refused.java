package com.balcao.provisioner;

/** The operator asked for something that cannot be done as asked; nothing was changed. */
public final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
        super(message);
    }
}
