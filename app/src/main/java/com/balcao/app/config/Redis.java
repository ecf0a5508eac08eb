package com.balcao.app.config;

import io.dropwizard.lifecycle.Managed;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** The tenant's Redis connection pool and the key prefix that keeps its keys apart. */
public final class Redis implements Managed {
    private final RedisClient client;
    private final String prefix;

    public Redis(RedisConfig config) {
        DefaultJedisClientConfig.Builder clientConfig = DefaultJedisClientConfig.builder()
            .timeoutMillis(5000);
        if (config.password != null && !config.password.isBlank()) {
            clientConfig.password(config.password);
            if (config.user != null && !config.user.isBlank()) {
                clientConfig.user(config.user);
            }
        }
        this.client = RedisClient.builder()
            .hostAndPort(new HostAndPort(config.host, config.port))
            .clientConfig(clientConfig.build())
            .poolConfig(poolConfig())
            .build();
        this.prefix = config.keyPrefix;
    }

    private static ConnectionPoolConfig poolConfig() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(64);
        pool.setMaxIdle(16);
        return pool;
    }

    public RedisClient client() {
        return client;
    }

    /** The full key for a name, e.g. {@code key("session:abc")}. */
    public String key(String name) {
        return prefix + name;
    }

    @Override
    public void stop() {
        client.close();
    }
}
