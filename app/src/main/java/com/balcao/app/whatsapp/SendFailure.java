package com.balcao.app.whatsapp;

/**
 * Why a message was not sent: Meta's error code, title and details, or ours (code null) for
 * trouble on our side such as a missing token or the network.
 */
public record SendFailure(Integer code, String title, String detail) {
}
