package com.balcao.app.web;

/** The JSON body of every API error: a stable machine code and a human message. */
public record ApiError(String code, String message) {
}
