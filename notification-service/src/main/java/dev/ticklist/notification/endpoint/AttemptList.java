package dev.ticklist.notification.endpoint;

import java.util.List;

/** An endpoint's recent delivery attempts, newest first. */
public record AttemptList(List<AttemptView> attempts) {
}
