package io.vigil.notify.email;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Header values the mail client passes through as they are, so text beyond ASCII is encoded here (RFC 2047). */
final class MimeHeaders {

    private MimeHeaders() {
    }

    static String encode(String value) {
        boolean ascii = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (ascii) {
            return value;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
