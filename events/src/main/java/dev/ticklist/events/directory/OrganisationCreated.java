package dev.ticklist.events.directory;

import dev.ticklist.events.EventType;

@EventType("dev.ticklist.organisation.created.v1")
public record OrganisationCreated(String organisationId, String name) implements DirectoryEvent {

    @Override
    public String subject() {
        return "organisations/" + organisationId;
    }
}
