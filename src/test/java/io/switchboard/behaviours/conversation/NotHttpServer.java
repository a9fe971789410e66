package io.switchboard.behaviours.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port on 127.0.0.1 that takes connections but speaks no HTTP: it sends an SSH banner and hangs up, or says
 * nothing at all and keeps the connection open. Counts the connections it took.
 */
final class NotHttpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final boolean silent;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private NotHttpServer(boolean silent) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.silent = silent;
        Thread acceptor = new Thread(this::accept, "not-http-" + (silent ? "silent" : "garbage"));
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static NotHttpServer garbage() throws IOException {
        return new NotHttpServer(false);
    }

    static NotHttpServer silent() throws IOException {
        return new NotHttpServer(true);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.incrementAndGet();
                if (silent) {
                    open.add(connection);
                } else {
                    try (connection) {
                        connection.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/files/report.pdf";
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket connection : open) {
                connection.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
