package dev.ticklist.deployment;

/**
 * A container image reference split like Docker and kustomize split it: {@code name[:tag][@digest]},
 * where a colon before the last slash belongs to a registry port ({@code localhost:5000/app}).
 */
record ImageReference(String name, String tag, String digest) {

    static ImageReference parse(String image) {
        String rest = image.strip();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(rest, tag, digest);
    }

    /** Why this reference does not pin a version, or null when it carries an explicit tag other than latest. */
    String unpinnedReason() {
        if (tag == null || tag.isBlank()) {
            return "has no tag";
        }
        if (tag.equals("latest")) {
            return "uses the tag latest";
        }
        return null;
    }

    @Override
    public String toString() {
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
