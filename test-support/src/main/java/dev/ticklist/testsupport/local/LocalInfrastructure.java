package dev.ticklist.testsupport.local;

import dev.ticklist.testsupport.Infrastructure;

/** Kafka and Redis as local processes, for machines without a Docker engine. */
public final class LocalInfrastructure implements Infrastructure {

    private final LocalKafkaBroker kafka;
    private final LocalRedisServer redis;

    private LocalInfrastructure(LocalKafkaBroker kafka, LocalRedisServer redis) {
        this.kafka = kafka;
        this.redis = redis;
    }

    public static LocalInfrastructure start() {
        LocalRedisServer redis = LocalRedisServer.start();
        try {
            return new LocalInfrastructure(LocalKafkaBroker.start(), redis);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String redisHost() {
        return "127.0.0.1";
    }

    @Override
    public int redisPort() {
        return redis.port();
    }

    @Override
    public String description() {
        return "local: Kafka broker (KRaft, in-process) at " + kafkaBootstrapServers()
                + ", Redis (" + redis.binary() + ") at " + redisUrl();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            redis.close();
        }
    }
}
