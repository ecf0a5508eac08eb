package com.balcao.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Where the tenant's Redis lives; every key the app writes starts with {@link #keyPrefix}. */
public class RedisConfig {
    @NotBlank public String host = "127.0.0.1";
    @Min(1) @Max(65535) public int port = 6379;
    public String user;
    public String password;
    @NotBlank public String keyPrefix = "balcao:";
}
