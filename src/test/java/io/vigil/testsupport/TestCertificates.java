package io.vigil.testsupport;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made on the spot for tests that need real TLS: a root CA, intermediates and server
 * certificates with the validity and names a test chooses. EC P-256 keeps key generation fast; the
 * JDK's own providers do the crypto, so no provider is registered globally.
 */
public final class TestCertificates {

    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|.*:.*");
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
    private static final char[] PASSWORD = "test".toCharArray();

    private TestCertificates() {
    }

    /** A certificate with its key, and the CA that issued it (null for a self-signed root). */
    public record Issued(KeyPair keyPair, X509Certificate certificate, Issued issuer) {

        public PrivateKey privateKey() {
            return keyPair.getPrivate();
        }

        /** This certificate and its issuers up to, not including, the root: what a server presents. */
        public X509Certificate[] chain() {
            List<X509Certificate> chain = new ArrayList<>();
            for (Issued at = this; at != null && at.issuer != null; at = at.issuer) {
                chain.add(at.certificate);
            }
            return chain.isEmpty() ? new X509Certificate[] {certificate} : chain.toArray(X509Certificate[]::new);
        }

        /** When this certificate expires, in Unix seconds, as probe_ssl_earliest_cert_expiry reports it. */
        public double notAfterSeconds() {
            return certificate.getNotAfter().getTime() / 1000.0;
        }
    }

    /** A self-signed root CA valid from a day ago for ten years. */
    public static Issued rootCa(String name) {
        Instant now = Instant.now();
        return ca(name, null, now.minus(1, ChronoUnit.DAYS), now.plus(3650, ChronoUnit.DAYS));
    }

    /** A CA certificate, self-signed when {@code issuer} is null. */
    public static Issued ca(String name, Issued issuer, Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        return sign(keys, issuer, new X500Name("CN=" + name), notBefore, notAfter, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(issuer == null ? 1 : 0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
    }

    /** A server certificate for {@code names} (DNS names or IP literals); its subject CN is the first name. */
    public static Issued leaf(Issued issuer, Instant notBefore, Instant notAfter, String... names) {
        KeyPair keys = newKeyPair();
        GeneralName[] alternatives = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            int type = IP_LITERAL.matcher(names[i]).matches() ? GeneralName.iPAddress : GeneralName.dNSName;
            alternatives[i] = new GeneralName(type, names[i]);
        }
        return sign(keys, issuer, new X500Name("CN=" + names[0]), notBefore, notAfter, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
        });
    }

    /** A key store holding {@code key} with its chain, as a server's KeyManagerFactory wants it. */
    public static KeyStore keyStore(PrivateKey key, X509Certificate... chain) {
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry("server", key, PASSWORD, chain);
            return store;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The password of every key entry {@link #keyStore} makes. */
    public static char[] keyPassword() {
        return PASSWORD.clone();
    }

    /** A trust store of {@code anchors}. */
    public static KeyStore trustStore(X509Certificate... anchors) {
        try {
            KeyStore store = emptyStore();
            for (int i = 0; i < anchors.length; i++) {
                store.setCertificateEntry("anchor-" + i, anchors[i]);
            }
            return store;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKIX trust manager factory trusting {@code anchors} and nothing else. */
    public static TrustManagerFactory trustManagerFactory(X509Certificate... anchors) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(trustStore(anchors));
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trust manager of {@link #trustManagerFactory}: it checks the chain and, when asked to, the host name. */
    public static X509ExtendedTrustManager trustManager(X509Certificate... anchors) {
        for (TrustManager manager : trustManagerFactory(anchors).getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new IllegalStateException("no X509ExtendedTrustManager");
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws Exception;
    }

    private static Issued sign(KeyPair keys, Issued issuer, X500Name subject, Instant notBefore, Instant notAfter,
            Extensions extensions) {
        try {
            KeyPair signing = issuer == null ? keys : issuer.keyPair();
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(seconds(notBefore)),
                    Date.from(seconds(notAfter)), subject, keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(signing.getPublic()));
            extensions.add(builder);
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signing.getPrivate())));
            return new Issued(keys, certificate, issuer);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the certificate " + subject, e);
        }
    }

    /** Certificates carry whole seconds; truncating here keeps expected and reported expiries equal. */
    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
