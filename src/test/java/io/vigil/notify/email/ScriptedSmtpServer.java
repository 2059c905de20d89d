package io.vigil.notify.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A small SMTP server whose replies a test chooses by command ({@code RCPT} answered {@code 550 ...}), for the
 * rejections GreenMail cannot be told to give. Silent, it accepts connections and never greets.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> replies;
    private final boolean silent;

    private ScriptedSmtpServer(Map<String, String> replies, boolean silent) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.replies = replies;
        this.silent = silent;
        Thread.ofVirtual().start(this::accept);
    }

    /** Replies by command verb; the others are accepted. */
    static ScriptedSmtpServer replying(Map<String, String> replies) throws IOException {
        return new ScriptedSmtpServer(replies, false);
    }

    static ScriptedSmtpServer silent() throws IOException {
        return new ScriptedSmtpServer(Map.of(), true);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> converse(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket connection) {
        try (connection) {
            if (silent) {
                connection.getInputStream().read();
                return;
            }
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = connection.getOutputStream();
            send(out, "220 scripted ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                String reply = replies.getOrDefault(verb, switch (verb) {
                    case "EHLO", "HELO" -> "250 scripted";
                    case "DATA" -> "354 go ahead";
                    case "QUIT" -> "221 bye";
                    default -> "250 OK";
                });
                send(out, reply);
                if (verb.equals("QUIT")) {
                    return;
                }
                if (verb.equals("DATA") && reply.startsWith("354")) {
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself is not looked at
                    }
                    send(out, replies.getOrDefault("END-OF-DATA", "250 queued"));
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
