package io.vigil.notify.email;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import io.vertx.ext.mail.SMTPException;
import io.vigil.notify.delivery.DeliveryResult;

/**
 * What a failed SMTP attempt means. The Vert.x mail client fails with {@link SMTPException} when the server
 * answered a command with an error reply, and that carries the reply code: 4xx is the server saying "later", 5xx
 * "never" (550 no such mailbox, 535 bad credentials). Anything else happened before a reply: the network, or a
 * configuration the server cannot meet.
 */
final class SmtpFailures {

    /** The client's words for a server that cannot do what the config asks; retrying would not change that. */
    private static final List<String> CONFIG_MISMATCHES = List.of("STARTTLS required", "login is required",
            "no recipient", "sender address is not present");

    private SmtpFailures() {
    }

    static DeliveryResult classify(Throwable error) {
        if (error instanceof SMTPException smtp) {
            int code = smtp.getReplyCode();
            String reply = smtp.getMessage() + ": " + String.join(" ", smtp.getReplyMessages()).strip();
            return code >= 400 && code < 500 ? DeliveryResult.retry(code, reply, "serverError")
                    : DeliveryResult.permanent(code, reply, "clientError");
        }
        String message = describe(error);
        if (isConnectTimeout(error)) {
            return DeliveryResult.retry(null, message, "timeout");
        }
        if (error instanceof SSLHandshakeException) {
            // An untrusted or misnamed certificate stays so until someone changes it.
            return DeliveryResult.permanent(null, message, "clientError");
        }
        if (error instanceof IOException) {
            return DeliveryResult.retry(null, message, "network");
        }
        String text = String.valueOf(error.getMessage());
        if (CONFIG_MISMATCHES.stream().anyMatch(text::contains)) {
            return DeliveryResult.permanent(null, message, "clientError");
        }
        // "Connection was closed." and other failures of the conversation itself.
        return DeliveryResult.retry(null, message, "network");
    }

    private static boolean isConnectTimeout(Throwable error) {
        return error.getClass().getSimpleName().equals("ConnectTimeoutException");
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        if (error instanceof ConnectException) {
            return "connection failed: " + message;
        }
        return message == null ? error.getClass().getSimpleName() : message;
    }
}
