package dev.ticklist.checklist.directory;

import dev.ticklist.events.Topics;
import dev.ticklist.events.directory.DirectoryEvent;
import dev.ticklist.platform.kafka.KafkaEventsConfiguration.TopicFollowers;
import dev.ticklist.platform.kafka.TopicFollower;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DirectoryConfiguration {

    @Bean
    Directory directory() {
        return new Directory();
    }

    @Bean
    TopicFollower<DirectoryEvent> directoryFollower(TopicFollowers followers, Directory directory) {
        return followers.follow(Topics.DIRECTORY, directory);
    }
}
