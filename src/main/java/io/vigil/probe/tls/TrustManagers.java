package io.vigil.probe.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The trust managers a tls probe chooses between. */
final class TrustManagers {

    /** Accepts any chain; {@code insecure_skip_verify} still wants the chain recorded, so it is a trust manager, not a bypass. */
    static final X509ExtendedTrustManager TRUST_ALL = new X509ExtendedTrustManager() {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private TrustManagers() {
    }

    /** The JDK's default trust store (cacerts, or javax.net.ssl.trustStore when set), loaded once. */
    static X509ExtendedTrustManager jdkDefault() {
        return JdkDefault.INSTANCE;
    }

    /** Trusts the anchors of {@code trustStore}; null means the JDK's default store. */
    static X509ExtendedTrustManager from(KeyStore trustStore) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            for (TrustManager manager : factory.getTrustManagers()) {
                // ChainRecorder is an extended trust manager, so the JDK leaves the host name check
                // to it and thus to this delegate: only the extended kind does that check.
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            throw new IllegalStateException("the JDK offers no X509ExtendedTrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the trust store: " + e.getMessage(), e);
        }
    }

    private static final class JdkDefault {
        static final X509ExtendedTrustManager INSTANCE = from(null);
    }
}
