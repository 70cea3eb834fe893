package dev.ticklist.notification.message;

import java.util.List;

public record MessageList(List<MessageView> messages) {
}
