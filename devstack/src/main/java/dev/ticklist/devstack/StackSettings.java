package dev.ticklist.devstack;

import dev.ticklist.testsupport.IdentityKeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the stack's parts listen and the secrets they share. Secrets are made fresh for every
 * run: nothing in the repository is a usable credential.
 *
 * @param traceExport where every span is sent (an OTLP/HTTP traces URL), or null: traces stay
 *                    in the log lines' trace ids, sampled and exported as the environment says
 * @param logins      per service, the variables it logs in to Kafka and Redis with where they
 *                    ask for it (none: the local stack's broker and Redis trust loopback)
 */
record StackSettings(String kafkaBootstrapServers, String redisHost, int redisPort,
                     int gatewayPort, int checklistPort, int progressPort, int notificationPort,
                     IdentityKeyPair identityKeys, String adminKey, String webhookEncryptionKey, String traceExport,
                     Map<String, Map<String, String>> logins) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static StackSettings withFreshSecrets(String kafkaBootstrapServers, String redisHost, int redisPort,
                                          int gatewayPort, int checklistPort, int progressPort, int notificationPort) {
        return new StackSettings(kafkaBootstrapServers, redisHost, redisPort,
                gatewayPort, checklistPort, progressPort, notificationPort,
                IdentityKeyPair.generate(), "tka_" + randomText(32), Base64.getEncoder().encodeToString(randomBytes(32)),
                null, Map.of());
    }

    /** The same stack recording every trace and sending its spans to {@code otlpTracesUrl} at once. */
    StackSettings tracedTo(String otlpTracesUrl) {
        return new StackSettings(kafkaBootstrapServers, redisHost, redisPort, gatewayPort, checklistPort, progressPort,
                notificationPort, identityKeys, adminKey, webhookEncryptionKey, otlpTracesUrl, logins);
    }

    /** The same stack on a broker of its own ({@code bootstrapServers}), each service logging in as {@code logins} say. */
    StackSettings loggingIn(String bootstrapServers, Map<String, Map<String, String>> logins) {
        return new StackSettings(bootstrapServers, redisHost, redisPort, gatewayPort, checklistPort, progressPort,
                notificationPort, identityKeys, adminKey, webhookEncryptionKey, traceExport, Map.copyOf(logins));
    }

    /** The environment of one service: the gateway alone gets the identity's private key. */
    Map<String, String> environment(String service) {
        var env = new HashMap<>(environment());
        if (service.equals("gateway")) {
            env.put("TICKLIST_IDENTITY_PRIVATE_KEY", identityKeys.privateKey());
        }
        env.putAll(logins.getOrDefault(service, Map.of()));
        return env;
    }

    /** The environment every service gets; service-specific variables are added on top. */
    Map<String, String> environment() {
        var env = new HashMap<String, String>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("REDIS_HOST", redisHost);
        env.put("REDIS_PORT", Integer.toString(redisPort));
        env.put("TICKLIST_IDENTITY_PUBLIC_KEY", identityKeys.publicKey());
        env.put("TICKLIST_ADMIN_KEY", adminKey);
        env.put("TICKLIST_WEBHOOK_ENCRYPTION_KEY", webhookEncryptionKey);
        // The local stack delivers webhooks to receivers on this machine over plain HTTP.
        env.put("TICKLIST_WEBHOOKS_ALLOW_INSECURE_LOCAL", "true");
        env.put("CHECKLIST_SERVICE_URL", "http://127.0.0.1:" + checklistPort);
        env.put("PROGRESS_SERVICE_URL", "http://127.0.0.1:" + progressPort);
        env.put("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + notificationPort);
        if (traceExport != null) {
            env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
            env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traceExport);
            env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "100ms");
        }
        return env;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    static String randomText(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
