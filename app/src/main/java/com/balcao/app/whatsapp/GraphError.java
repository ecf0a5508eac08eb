package com.balcao.app.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code error} object of a Graph API answer. */
record GraphError(Integer code, Integer subcode, String title, String detail) {

    static GraphError of(JsonNode body, int status) {
        JsonNode error = body == null ? null : body.path("error");
        if (error == null || !error.isObject()) {
            return new GraphError(null, null, "HTTP " + status, null);
        }
        Integer code = error.path("code").canConvertToInt() ? error.path("code").asInt() : null;
        Integer subcode = error.path("error_subcode").canConvertToInt()
            ? error.path("error_subcode").asInt() : null;
        String title = WebhookParser.text(error, "error_user_title");
        String message = WebhookParser.text(error, "message");
        String detail = WebhookParser.text(error.path("error_data"), "details");
        return new GraphError(code, subcode, title != null ? title : message,
            detail != null ? detail : WebhookParser.text(error, "error_user_msg"));
    }
}
