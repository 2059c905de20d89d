package io.vigil.probe.tls;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Turns a failed handshake into a reason a person can act on: which certificate, and what is wrong with it. */
final class HandshakeFailures {

    /** The GeneralName type of a DNS name in a subjectAltName. */
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private HandshakeFailures() {
    }

    static String describe(TlsSpec spec, ChainRecorder recorder, IOException error, Instant now) {
        List<X509Certificate> chain = recorder.chain();
        CertificateException rejection = recorder.rejection();
        if (rejection != null && !chain.isEmpty()) {
            // The JDK reports an expired certificate as a failed path; the dates say it plainly, and
            // the JDK checks them against the same clock.
            String validity = validityProblem(chain, now);
            if (validity != null) {
                return validity;
            }
            if (has(rejection, CertPathBuilderException.class)) {
                return "certificate chain not trusted: " + missingAnchor(chain.getLast());
            }
            if (isPathFailure(rejection)) {
                return "certificate chain not trusted: " + rootMessage(rejection);
            }
            return "certificate does not match host name " + spec.serverName() + " (it is for "
                    + String.join(", ", names(chain.getFirst())) + ")";
        }
        String target = spec.host() + ":" + spec.port();
        if (error instanceof SocketTimeoutException) {
            return "TLS handshake with " + target + " timed out";
        }
        return "TLS handshake with " + target + " failed: " + rootMessage(error);
    }

    private static String validityProblem(List<X509Certificate> chain, Instant now) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            String which = i == 0 ? "certificate for " + String.join(", ", names(certificate))
                    : "certificate \"" + certificate.getSubjectX500Principal().getName() + "\" in the chain";
            if (now.isAfter(certificate.getNotAfter().toInstant())) {
                return which + " expired at " + certificate.getNotAfter().toInstant();
            }
            if (now.isBefore(certificate.getNotBefore().toInstant())) {
                return which + " is not valid before " + certificate.getNotBefore().toInstant();
            }
        }
        return null;
    }

    /** The JDK's "unable to find valid certification path" said in terms of the chain a person can inspect. */
    private static String missingAnchor(X509Certificate top) {
        String subject = top.getSubjectX500Principal().getName();
        String issuer = top.getIssuerX500Principal().getName();
        if (subject.equals(issuer)) {
            return "\"" + subject + "\" is self-signed";
        }
        return "its issuer \"" + issuer + "\" is not a trusted CA (or the server does not send the intermediate certificate)";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPathFailure(Throwable error) {
        if (has(error, CertPathValidatorException.class)) {
            return true;
        }
        // The JDK's own validator exception has no public type; a host name mismatch is a bare CertificateException.
        return error.getClass() != CertificateException.class;
    }

    /** The innermost message, which says what went wrong without the JDK's class names around it. */
    private static String rootMessage(Throwable error) {
        String message = error.getMessage();
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? error.getClass().getSimpleName() : message;
    }

    /** The DNS names and IP addresses a certificate is for, or its subject when it lists none. */
    static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    Object type = alternative.get(0);
                    if (type.equals(DNS_NAME) || type.equals(IP_ADDRESS)) {
                        names.add(String.valueOf(alternative.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // Fall back to the subject below: the names only decorate the reason.
        }
        if (names.isEmpty()) {
            names.add(certificate.getSubjectX500Principal().getName());
        }
        return names;
    }
}
