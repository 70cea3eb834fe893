package dev.ticklist.testsupport.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Picks ports that are free on the loopback interface. */
public final class FreePorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** The port asked for when it is free on loopback, otherwise any free one. */
    public static int preferred(int port) {
        return isFree(port) ? port : next();
    }

    /** Whether a server could bind the port on loopback now. */
    public static boolean isFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /**
     * A port free now and never handed out before by this JVM: a port is often picked well before
     * its process binds it, and the system may offer a released port again in the meantime.
     */
    public static synchronized int next() {
        while (true) {
            int port = any();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    private static int any() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }
}
