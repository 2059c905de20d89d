package io.vigil.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;

/**
 * A TLS server on 127.0.0.1 and a random port that presents a chosen key and chain, for tests of
 * what a client makes of real handshakes. Each connection is served on a virtual thread of its
 * own. In HTTP mode it answers every request with {@code 200 ok}; otherwise it completes the
 * handshake and waits for the client to hang up.
 */
public final class TlsTestServer implements AutoCloseable {

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
            + "Connection: close\r\n\r\nok").getBytes(StandardCharsets.US_ASCII);
    private static final int IDLE_MILLIS = 10_000;

    private final SSLServerSocket serverSocket;
    private final boolean http;
    private final List<String> serverNames = new CopyOnWriteArrayList<>();

    private TlsTestServer(SSLServerSocket serverSocket, boolean http) {
        this.serverSocket = serverSocket;
        this.http = http;
    }

    /** A server that only completes handshakes, presenting {@code server}'s chain. */
    public static TlsTestServer start(TestCertificates.Issued server) {
        return start(server.privateKey(), server.chain(), false);
    }

    /** A server that answers HTTP/1.1 requests with 200 after the handshake. */
    public static TlsTestServer startHttps(TestCertificates.Issued server) {
        return start(server.privateKey(), server.chain(), true);
    }

    public static TlsTestServer start(PrivateKey key, X509Certificate[] chain, boolean http) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
            keys.init(TestCertificates.keyStore(key, chain), TestCertificates.keyPassword());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            TlsTestServer server = new TlsTestServer(socket, http);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setSNIMatchers(List.of(server.new Recorder()));
            socket.setSSLParameters(parameters);
            Thread.ofVirtual().name("tls-test-server-" + socket.getLocalPort()).start(server::accept);
            return server;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the TLS test server", e);
        }
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * The SNI host names clients sent, in order. They are recorded while the ClientHello is read,
     * so they are complete by the time a client's handshake has finished.
     */
    public List<String> requestedServerNames() {
        return List.copyOf(serverNames);
    }

    private void accept() {
        while (!serverSocket.isClosed()) {
            try {
                SSLSocket connection = (SSLSocket) serverSocket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                // Closed by close(): the loop ends.
            }
        }
    }

    private void serve(SSLSocket connection) {
        try (connection) {
            connection.setSoTimeout(IDLE_MILLIS);
            connection.startHandshake();
            InputStream in = connection.getInputStream();
            if (http) {
                readRequestHead(in);
                OutputStream out = connection.getOutputStream();
                out.write(RESPONSE);
                out.flush();
            } else {
                while (in.read() != -1) {
                    // Nothing is expected; wait for the client to hang up.
                }
            }
        } catch (SocketTimeoutException e) {
            // An idle client: drop it.
        } catch (IOException e) {
            // Clients under test reject certificates on purpose; the handshake failing here is expected.
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int next;
        while (matched < end.length && (next = in.read()) != -1) {
            matched = next == end[matched] ? matched + 1 : next == '\r' ? 1 : 0;
        }
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // Nothing more to serve.
        }
    }

    /** Accepts every name the client asks for, noting it down. */
    private final class Recorder extends SNIMatcher {

        Recorder() {
            super(StandardConstants.SNI_HOST_NAME);
        }

        @Override
        public boolean matches(SNIServerName name) {
            serverNames.add(name instanceof SNIHostName host ? host.getAsciiName() : name.toString());
            return true;
        }
    }
}
