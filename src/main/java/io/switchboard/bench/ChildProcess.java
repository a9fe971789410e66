package io.switchboard.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Switchboard command (the engine, the emulator) in a process of its own on this machine's Java and class path, so
 * that what the benchmark measures is that process and the load does not share its heap or threads.
 */
final class ChildProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration START_PATIENCE = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private ChildProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code io.switchboard.cli.Switchboard args...} in {@code home} with the environment given (beside this
     * one's) and returns once {@code readyPath} on {@code port} answers; its output goes to {@code log}.
     */
    static ChildProcess start(Path home, List<String> args, Map<String, String> environment, int port, String readyPath,
                              Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.switchboard.cli.Switchboard"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toAbsolutePath().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        ChildProcess child = new ChildProcess(builder.start(), port);
        child.awaitAnswering(readyPath, log);
        return child;
    }

    private void awaitAnswering(String path, Path log) throws Exception {
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() < 500) {
                    return;
                }
            } catch (ConnectException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("the process did not answer within " + START_PATIENCE + "; see " + log);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    int port() {
        return port;
    }

    /** POSTs JSON to the process (the emulator's admin API); answers the body, refusing an answer other than 2xx. */
    String post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    void delete(String path) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(url(path))).DELETE());
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException(answer.request().method() + " " + answer.request().uri().getPath() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The CPU time the process has used so far, in milliseconds; 0 where the system does not tell. */
    long cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    /** A port free now, below the range of outgoing connections' ports, which another process could take first. */
    static int freePort() throws IOException {
        for (int tries = 0; tries < 100; tries++) {
            int port = 20_000 + (int) (Math.random() * 12_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }

    /** SIGTERM, then waits for the graceful stop. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
