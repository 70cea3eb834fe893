package dev.ticklist.gateway.dashboard;

/**
 * What the dashboard sends to open a session: an organisation's API key, typed or pasted by a
 * person, or the token of a share link it was opened with. One of the two.
 */
public record SignIn(String key, String link) {
}
