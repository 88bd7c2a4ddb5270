package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * nginx passes answers through as they come (proxy_buffering off). The upstream in these tests is
 * a bare socket, so each test decides exactly what it sends and when.
 */
class StreamingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int BIG = 64 * 1024 * 1024; // more than every socket buffer on the way can hold

    /** If nginx held on to the first half until the second came, the client would never see it. */
    @Test
    @Tag("ex4.4")
    @DisplayName("Exercise 4.4: nginx passes on the part of an answer that has come, without waiting for the rest")
    void passesOnThePartOfAnAnswerThatHasComeWithoutWaitingForTheRest() throws Exception {
        CountDownLatch clientHasFirstHalf = new CountDownLatch(1);
        try (ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             TestNginx nginx = TestNginx.inFrontOf(upstream.getLocalPort(), Duration.ofSeconds(30), Duration.ofSeconds(35))) {
            Thread server = new Thread(() -> answerInTwoHalves(upstream, clientHasFirstHalf));
            server.start();
            StringBuffer received = new StringBuffer();
            try (Socket client = new Socket("127.0.0.1", nginx.url.getPort())) {
                client.getOutputStream().write("GET /real_time_feed HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                new Thread(() -> readInto(client, received)).start();

                await().atMost(PATIENCE).until(() -> received.indexOf("first-half") >= 0);
                assertThat(received.toString())
                        .as("the first half reached the client before the upstream sent the second: nothing buffered")
                        .doesNotContain("second-half");
                clientHasFirstHalf.countDown();
                await().atMost(PATIENCE).until(() -> received.indexOf("second-half") >= 0);
            }
            server.join(PATIENCE.toMillis());
        }
    }

    /**
     * With buffering on, nginx would read the whole answer into memory and temp files, whether
     * or not the client reads; with it off, a client that reads nothing holds the upstream back.
     */
    @Test
    void readsFromTheUpstreamNoFasterThanTheClientReads() throws Exception {
        AtomicBoolean upstreamDone = new AtomicBoolean();
        try (ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             TestNginx nginx = TestNginx.inFrontOf(upstream.getLocalPort(), Duration.ofSeconds(30), Duration.ofSeconds(35))) {
            Thread server = new Thread(() -> answerBig(upstream, upstreamDone));
            server.start();
            try (Socket client = new Socket("127.0.0.1", nginx.url.getPort())) {
                client.getOutputStream().write("GET /real_time_feed HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));

                await().during(Duration.ofMillis(1500)).atMost(PATIENCE).untilFalse(upstreamDone);

                InputStream in = client.getInputStream();
                long read = 0;
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read += n;
                }
                assertThat(read).isGreaterThan(BIG);
                await().atMost(PATIENCE).untilTrue(upstreamDone);
            }
            server.join(PATIENCE.toMillis());
        }
    }

    private static void answerBig(ServerSocket upstream, AtomicBoolean done) {
        try (Socket connection = upstream.accept()) {
            readRequestHead(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + BIG + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < BIG / spaces.length; i++) {
                out.write(spaces);
            }
            out.flush();
            done.set(true);
        } catch (IOException e) {
            // the test has failed or ended already; it reports that itself
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        StringBuilder request = new StringBuilder();
        while (request.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended early");
            }
            request.append((char) b);
        }
    }

    private static void answerInTwoHalves(ServerSocket upstream, CountDownLatch clientHasFirstHalf) {
        try (Socket connection = upstream.accept()) {
            readRequestHead(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunk("[{\"id\":1,\"type\":\"first-half\"}")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            clientHasFirstHalf.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            out.write((chunk(",{\"id\":2,\"type\":\"second-half\"}]") + "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the test has failed or ended already; it reports that itself
        }
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.length()) + "\r\n" + text + "\r\n";
    }

    private static void readInto(Socket socket, StringBuffer received) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException closed) {
            // the test is over
        }
    }
}
