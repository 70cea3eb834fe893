package dev.ticklist.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a secret's UTF-8 bytes: how the gateway keeps and compares secrets. */
public final class Sha256 {

    /** Cloned for each digest: looking the algorithm up among the providers cost more than hashing a key. */
    private static final MessageDigest PROTOTYPE = sha256();

    private Sha256() {
    }

    public static byte[] digest(String value) {
        return copy().digest(value.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest copy() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Lowercase hex, as Redis and the events hold it. */
    public static String hex(String value) {
        return HexFormat.of().formatHex(digest(value));
    }
}
