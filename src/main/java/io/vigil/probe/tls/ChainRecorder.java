package io.vigil.probe.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Keeps the chain a server presented and why it was rejected, then lets the real trust manager
 * decide: the expiry of a chain is what a user most needs to see when it fails verification.
 */
final class ChainRecorder extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;
    private volatile List<X509Certificate> chain = List.of();
    private volatile CertificateException rejection;

    ChainRecorder(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    /** The presented chain, leaf first; empty when the handshake failed before the server sent one. */
    List<X509Certificate> chain() {
        return chain;
    }

    /** Why the trust manager rejected the chain, or null when it did not. */
    CertificateException rejection() {
        return rejection;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) throws CertificateException {
        chain = List.of(presented);
        try {
            delegate.checkServerTrusted(presented, authType, socket);
        } catch (CertificateException e) {
            rejection = e;
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine) throws CertificateException {
        chain = List.of(presented);
        try {
            delegate.checkServerTrusted(presented, authType, engine);
        } catch (CertificateException e) {
            rejection = e;
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType) throws CertificateException {
        chain = List.of(presented);
        try {
            delegate.checkServerTrusted(presented, authType);
        } catch (CertificateException e) {
            rejection = e;
            throw e;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(presented, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(presented, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
        delegate.checkClientTrusted(presented, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
