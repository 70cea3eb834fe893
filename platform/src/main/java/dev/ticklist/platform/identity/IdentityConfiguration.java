package dev.ticklist.platform.identity;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityConfiguration {

    @Bean
    IdentityTokens identityTokens(IdentityProperties properties) {
        return new IdentityTokens(properties);
    }
}
