package dev.ticklist.testsupport.net;

import dev.ticklist.testsupport.local.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link on loopback to one server, which a test can break the ways networks break:
 * {@link #cut} closes every connection and refuses new ones until {@link #restore}; {@link #stall}
 * keeps connections open but holds every byte until {@link #resume}, as a frozen server would.
 * The server itself stays reachable directly, so the test can watch it during an outage.
 */
public final class SeverableTcpLink implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object flow = new Object();
    private volatile ServerSocket listener;
    private boolean stalled;

    private SeverableTcpLink(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    public static SeverableTcpLink to(String host, int port) {
        var link = new SeverableTcpLink(new InetSocketAddress(host, port), FreePorts.next());
        link.restore();
        return link;
    }

    /** The port to connect to instead of the server's. */
    public int port() {
        return port;
    }

    /** Closes every connection and stops listening: connecting is refused until {@link #restore}. */
    public void cut() {
        closeQuietly(listener);
        sockets.forEach(SeverableTcpLink::closeQuietly);
        sockets.clear();
    }

    /** Listens again on the same port. */
    public void restore() {
        try {
            var server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = server;
            Thread.ofVirtual().name("link-accept-" + port).start(() -> accept(server));
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + port, e);
        }
    }

    /** Holds every byte in both directions; connections stay open. */
    public void stall() {
        synchronized (flow) {
            stalled = true;
        }
    }

    public void resume() {
        synchronized (flow) {
            stalled = false;
            flow.notifyAll();
        }
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException cut) {
                continue;
            }
            try {
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException refused) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitFlowing();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // Either side went away: close both, as a broken connection does.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void awaitFlowing() throws InterruptedException {
        synchronized (flow) {
            while (stalled) {
                flow.wait();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // Closing is best effort: the point is that it is gone.
        }
    }

    @Override
    public void close() {
        resume();
        cut();
    }
}
