package io.vigil.probe.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.probe.Certificates;
import io.vigil.probe.Connections;
import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeOutcome;

/**
 * blackbox_exporter's tcp prober with tls: a new connection and a full TLS handshake each run,
 * succeeding when the chain is trusted and matches the server name. The presented chain's expiry
 * is exported whether or not it passes, since an expired certificate is the usual reason it fails.
 */
@ApplicationScoped
public class TlsProbe implements Probe<TlsSpec> {

    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|.*:.*");

    /** Null in production, where the JDK's default trust store is loaded on first use. */
    private final X509ExtendedTrustManager trust;

    public TlsProbe() {
        this(null);
    }

    /** For tests, which trust a CA of their own. */
    TlsProbe(X509ExtendedTrustManager trust) {
        this.trust = trust;
    }

    @Override
    public String type() {
        return "tls";
    }

    @Override
    public Class<TlsSpec> specType() {
        return TlsSpec.class;
    }

    @Override
    public Set<String> sampleLabels() {
        return Set.of("version");
    }

    @Override
    public Map<String, String> metrics() {
        return Map.of(Connections.DNS_LOOKUP_TIME, Connections.DNS_LOOKUP_TIME_HELP,
                Connections.IP_PROTOCOL, Connections.IP_PROTOCOL_HELP,
                Certificates.EARLIEST_CERT_EXPIRY, Certificates.EARLIEST_CERT_EXPIRY_HELP,
                Certificates.LAST_CHAIN_EXPIRY, Certificates.LAST_CHAIN_EXPIRY_HELP,
                Certificates.TLS_VERSION_INFO, Certificates.TLS_VERSION_INFO_HELP);
    }

    @Override
    public ProbeOutcome run(TlsSpec spec, ProbeContext context) throws Exception {
        InetAddress address = Connections.resolve(spec.host(), context);
        Socket plain = Connections.connect(address, spec.port(), context);
        boolean verify = !spec.tlsConfig().insecureSkipVerify();
        ChainRecorder recorder = new ChainRecorder(verify ? trustManager() : TrustManagers.TRUST_ALL);
        try (SSLSocket socket = layer(plain, spec, recorder, verify)) {
            socket.setSoTimeout(context.remainingMillis());
            socket.startHandshake();
            Certificates.record(context, recorder.chain(), socket.getSession().getProtocol());
            return ProbeOutcome.succeeded();
        } catch (IOException e) {
            Certificates.record(context, recorder.chain(), null);
            return ProbeOutcome.failed(HandshakeFailures.describe(spec, recorder, e, Instant.now()));
        } finally {
            Connections.closeQuietly(plain);
        }
    }

    private X509ExtendedTrustManager trustManager() {
        return trust != null ? trust : TrustManagers.jdkDefault();
    }

    private static SSLSocket layer(Socket plain, TlsSpec spec, ChainRecorder recorder, boolean verify)
            throws IOException, GeneralSecurityException {
        // A context per run: it has an empty session cache, so the handshake is never a resumption
        // and the server always presents (and we always see) its full chain.
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {recorder}, null);
        // The server name as peer host: the JDK checks the certificate against it, never the IP.
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, spec.serverName(), spec.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        if (!IP_LITERAL.matcher(spec.serverName()).matches()) {
            try {
                // Set explicitly: the JDK sends no SNI on its own for a dotless name such as "localhost".
                parameters.setServerNames(List.of(new SNIHostName(spec.serverName())));
            } catch (IllegalArgumentException e) {
                // Not a name SNI can carry (an internal "my_host", say): go without, as the JDK would.
            }
        }
        if (verify) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        socket.setSSLParameters(parameters);
        return socket;
    }
}
