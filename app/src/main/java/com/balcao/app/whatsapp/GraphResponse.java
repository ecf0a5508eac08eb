package com.balcao.app.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;

/** A Graph API answer: its HTTP status and JSON body (empty object when there was none). */
record GraphResponse(int status, JsonNode body) {

    boolean ok() {
        return status >= 200 && status < 300 && !body.has("error");
    }

    GraphError error() {
        return GraphError.of(body, status);
    }
}
