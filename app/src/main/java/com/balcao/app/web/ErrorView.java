package com.balcao.app.web;

/** The friendly error page: a title, a message and a way back. */
public final class ErrorView extends PageView {
    private final int status;
    private final String message;

    ErrorView(Page page, int status, String message) {
        super("error.mustache", page, "error_title", "none");
        this.status = status;
        this.message = message;
    }

    public int getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }
}
