package dev.ticklist.gateway.dashboard;

/** What the sign-in page sends: the organisation's API key, typed or pasted by a person. */
public record SignIn(String key) {
}
