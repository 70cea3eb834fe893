package dev.ticklist.testsupport.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks ports that are free on the loopback interface. */
public final class FreePorts {

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

    public static int next() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }
}
