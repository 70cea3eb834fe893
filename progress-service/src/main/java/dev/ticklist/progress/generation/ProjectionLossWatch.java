package dev.ticklist.progress.generation;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;

/**
 * Notices that Redis lost projections while no events arrive: an idle listener container
 * (no records for {@code spring.kafka.listener.idle-event-interval}) checks the markers of the
 * partitions it is assigned, on its consumer's thread, as each batch does, and applies lost
 * ones again from their beginning.
 */
public class ProjectionLossWatch {

    private final ProjectionMarkers markers;
    private final List<Watched> watched;

    /** A listener whose partitions are watched, and what to tell it of a loss. */
    public record Watched(String listenerId, ProjectionMarkers.LostPartitions forget) {
    }

    public ProjectionLossWatch(ProjectionMarkers markers, List<Watched> watched) {
        this.markers = markers;
        this.watched = List.copyOf(watched);
    }

    @EventListener
    public void onIdle(ListenerContainerIdleEvent idle) {
        // Concurrent containers are named <listener id>-<n>.
        watched.stream().filter(one -> idle.getListenerId().startsWith(one.listenerId() + "-")
                        || idle.getListenerId().equals(one.listenerId()))
                .findFirst()
                .ifPresent(one -> markers.intactOnly(List.of(), idle.getConsumer(), one.forget()));
    }

}
