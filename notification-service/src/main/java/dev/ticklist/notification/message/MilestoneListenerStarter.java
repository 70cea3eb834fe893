package dev.ticklist.notification.message;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

/**
 * Starts the milestone listener only once the application is ready. Listener containers start in
 * an earlier lifecycle phase than the endpoints' TopicFollower, and a milestone must never be
 * looked at before the follower runs: it would find no endpoints and be passed over.
 */
@Component
class MilestoneListenerStarter {

    private final KafkaListenerEndpointRegistry listeners;

    MilestoneListenerStarter(KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        var container = listeners.getListenerContainer(MilestoneListener.ID);
        if (container != null && !container.isRunning()) {
            container.start();
        }
    }
}
