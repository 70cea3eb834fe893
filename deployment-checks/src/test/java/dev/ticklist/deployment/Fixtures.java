package dev.ticklist.deployment;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test files under src/test/resources. */
final class Fixtures {

    private Fixtures() {
    }

    /** A folder of the kustomize fixture (base, overlay). */
    static Path kustomize(String name) {
        return resource("/kustomize/" + name);
    }

    static Path resource(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
