package io.vigil.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API tokens of {@code VIGIL_API_TOKENS} ({@code name:token,name:token}). Only a SHA-256 digest of each token is
 * kept, and a presented token is compared with every one in constant time, so neither memory nor timing gives a
 * token away. The name is who acts, as the incident timeline shows it.
 */
public final class ApiTokens {

    private static final String VARIABLE = "VIGIL_API_TOKENS";

    private record Entry(String name, byte[] digest) {
    }

    private final List<Entry> entries;

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads the variable's value; empty or absent means no tokens.
     *
     * @throws IllegalArgumentException naming the entry (by position and name, never the token) that is malformed
     */
    public static ApiTokens parse(String value) {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (value == null || value.isBlank()) {
            return new ApiTokens(entries);
        }
        String[] pairs = value.split(",");
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i].strip();
            int colon = pair.indexOf(':');
            String name = colon < 0 ? "" : pair.substring(0, colon).strip();
            String token = colon < 0 ? "" : pair.substring(colon + 1).strip();
            if (name.isEmpty() || token.isEmpty()) {
                throw new IllegalArgumentException(VARIABLE + ": entry " + (i + 1)
                        + " is not name:token (a non-empty name, a colon, a non-empty token)");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(VARIABLE + ": the name \"" + name + "\" is given twice");
            }
            entries.add(new Entry(name, digest(token)));
        }
        return new ApiTokens(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The name of the token presented, if it is one of them. */
    public Optional<String> nameOf(String presented) {
        byte[] digest = digest(presented);
        String found = null;
        // Every entry is compared, so the time taken does not tell which one matched.
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
                found = entry.name();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@code presented} is {@code expected}, in time that tells nothing about how much of it matched. */
    public static boolean sameSecret(String expected, String presented) {
        return MessageDigest.isEqual(digest(expected), digest(presented));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiTokens" + entries.stream().map(Entry::name).toList();
    }
}
