package dev.ticklist.checklist.imports;

import dev.ticklist.checklist.directory.DirectoryCommands;
import dev.ticklist.checklist.tick.TickCommands;
import dev.ticklist.platform.kafka.EventPublisher;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableConfigurationProperties(ImportLimits.class)
class ImportConfiguration {

    @Bean
    TickImports tickImports(TickCommands ticks, DirectoryCommands directory, EventPublisher publisher,
                            StringRedisTemplate redis, JsonMapper json, ImportLimits limits, Clock clock) {
        return new TickImports(ticks, directory, publisher, new ImportRecords(redis, json), limits, clock);
    }
}
