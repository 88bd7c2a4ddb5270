package livefeed.benchmark;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * N subscribers on one selector thread, each with one HTTP/1.1 keep-alive connection, each following
 * the feed as its step's Subscriber says. This class is the sockets' state machine: connect, send,
 * read, ask again at once or after the polling interval (a stream is one request that never ends),
 * and after a failure connect again after the page's RetryDelay (or EventSource's retry:). What arrived is kept in Deliveries. Non-blocking, so 10,000 subscribers
 * cost one thread. Everything belongs to that thread: the main thread reads the volatile fields and
 * Deliveries' safe figures while it runs, and the rest after stop().
 */
final class Subscribers {

    private final InetSocketAddress server;
    private final int count;
    private final long pollEveryNanos; // 0: ask again as soon as an answer arrives
    // Subscribers waiting to poll again, or to connect again after a failure, soonest first.
    private final PriorityQueue<Client> waiting = new PriorityQueue<>(Comparator.comparingLong(c -> c.dueNanos));
    private final RetryDelay retryDelay = new RetryDelay();
    private final Selector selector = Selector.open();
    private final Thread thread = new Thread(this::run, "subscribers");
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final List<Client> clients = new ArrayList<>();
    private final Deliveries deliveries;
    private volatile boolean running = true;

    // Written by the selector thread alone, so ++ is safe; volatile so that the main thread can watch.
    volatile int connected;
    volatile long lastConnectedAtMillis;
    volatile long requests;
    volatile boolean timingGaps; // set by the main thread while nothing is published
    private final Stats idleGaps = new Stats(); // ms between two requests of one subscriber, while timingGaps
    private int connectFailures;
    private int closedBetweenAnswers; // closed or reset by the server while no answer was on its way
    private int brokenAnswers;
    private int errorAnswers; // not 200, such as 503 when more than --max-waiting polls wait
    volatile Throwable failure; // what stopped the thread, if anything did

    /** One subscriber's connection and timing; what it reads is its Subscriber's, what it got is in Deliveries. */
    private static final class Client {
        final int index;
        final Subscriber subscriber;
        SocketChannel channel;
        ByteBuffer request;
        long dueNanos;
        boolean mustConnect; // when due: connect again, rather than poll on the open connection
        int failures; // in a row, as the page counts them for its retry delay
        long lastRequestNanos;
        boolean everConnected;

        Client(int index, Subscriber subscriber) {
            this.index = index;
            this.subscriber = subscriber;
        }
    }

    /** newSubscriber: one per client, as the step's page follows the feed; pollEveryMillis 0 means ask again at once. */
    Subscribers(InetSocketAddress server, int count, int lastId, Supplier<Subscriber> newSubscriber,
                long pollEveryMillis) throws IOException {
        this.server = server;
        this.count = count;
        this.pollEveryNanos = pollEveryMillis * 1_000_000;
        this.deliveries = new Deliveries(count, lastId);
        for (int i = 0; i < count; i++) {
            clients.add(new Client(i, newSubscriber.get()));
        }
        thread.setDaemon(true); // a run that fails must not be kept alive by it
    }

    void start() {
        thread.start();
    }

    Deliveries deliveries() {
        return deliveries;
    }

    long selectorCpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    void stop() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(10_000);
        if (thread.isAlive()) { // its figures are still changing: reading them now would be a race
            throw new IllegalStateException("the subscribers' thread did not stop within 10 s");
        }
    }

    /** After stop(): the time between two requests of one subscriber while nothing was published, in ms. */
    Stats idleGaps() {
        return idleGaps;
    }

    /** After stop(): what went wrong on the connections. */
    StepResult.Troubles troubles() {
        return new StepResult.Troubles(connectFailures, closedBetweenAnswers, brokenAnswers, errorAnswers);
    }

    private void run() {
        try {
            clients.forEach(this::open);
            while (running) {
                selector.select(millisUntilNextDue());
                selector.selectedKeys().forEach(this::handle);
                selector.selectedKeys().clear();
                actWhenDue();
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e; // the main thread reports it
        } finally {
            clients.forEach(client -> close(client.channel));
            close(selector);
        }
    }

    private long millisUntilNextDue() {
        Client next = waiting.peek();
        if (next == null) {
            return 100;
        }
        return Math.max(1, (next.dueNanos - System.nanoTime()) / 1_000_000 + 1);
    }

    private void actWhenDue() {
        long now = System.nanoTime();
        while (!waiting.isEmpty() && waiting.peek().dueNanos - now <= 0) {
            Client client = waiting.poll();
            if (client.mustConnect) {
                open(client);
                continue;
            }
            try {
                sendRequest(client);
            } catch (IOException e) {
                closedBetweenAnswers++;
                retryLater(client);
            }
        }
    }

    private void open(Client client) {
        client.mustConnect = false;
        try {
            client.channel = SocketChannel.open();
            client.channel.configureBlocking(false);
            client.channel.register(selector, SelectionKey.OP_CONNECT, client);
            if (client.channel.connect(server)) {
                connectFinished(client);
            }
        } catch (IOException e) {
            connectFailures++;
            retryLater(client);
        }
    }

    private void handle(SelectionKey key) {
        Client client = (Client) key.attachment();
        boolean connecting = key.isConnectable();
        try {
            if (connecting) {
                connectFinished(client);
            } else if (key.isWritable()) {
                writeRequest(client);
            } else if (key.isReadable()) {
                read(client);
            }
        } catch (IOException e) {
            if (connecting) {
                connectFailures++;
                retryLater(client);
            } else {
                connectionLost(client); // a reset, say: the server closed while our next request was unread
            }
        }
    }

    private void connectFinished(Client client) throws IOException {
        client.channel.finishConnect();
        if (!client.everConnected) {
            client.everConnected = true;
            lastConnectedAtMillis = System.currentTimeMillis();
            connected++;
            if (pollEveryNanos > 0) { // pages open at different moments: spread the first polls over the interval
                pollLater(client, pollEveryNanos * connected / count);
                return;
            }
        }
        sendRequest(client); // at once, also after a failure: the page has waited its retry delay already
    }

    private void pollLater(Client client, long delayNanos) throws IOException {
        client.channel.keyFor(selector).interestOps(SelectionKey.OP_READ); // a close by the server still shows
        dueIn(client, delayNanos);
    }

    private void dueIn(Client client, long delayNanos) {
        client.dueNanos = System.nanoTime() + delayNanos;
        waiting.add(client);
    }

    private void sendRequest(Client client) throws IOException {
        String request = client.subscriber.request(deliveries.cursor(client.index), server.getPort());
        client.request = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        requests++;
        long now = System.nanoTime();
        if (timingGaps && client.lastRequestNanos != 0) {
            idleGaps.add((now - client.lastRequestNanos) / 1_000_000);
        }
        client.lastRequestNanos = now;
        writeRequest(client);
    }

    private void writeRequest(Client client) throws IOException {
        client.channel.write(client.request);
        int interest = client.request.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        client.channel.keyFor(selector).interestOps(interest);
    }

    private void read(Client client) throws IOException {
        readBuffer.clear();
        if (client.channel.read(readBuffer) < 0) {
            connectionLost(client);
            return;
        }
        readBuffer.flip();
        long arrivalMillis = System.currentTimeMillis();
        Subscriber.Read read = client.subscriber.read(readBuffer,
                (id, timestampMillis) -> deliveries.arrived(client.index, id, timestampMillis, arrivalMillis));
        switch (read) {
            case ANSWERED -> {
                client.failures = 0;
                if (pollEveryNanos > 0) {
                    pollLater(client, pollEveryNanos);
                } else {
                    sendRequest(client);
                }
            }
            case NOT_200 -> { // such as 503 when more than --max-waiting polls wait: ask again on this connection
                errorAnswers++;
                client.failures++;
                pollLater(client, retryDelay.nanos(client.failures)); // as the page does
            }
            case ENDED -> connectionLost(client); // the server ended the stream: the page connects again
            case MORE_TO_COME -> {
                // wait for the rest, or the next event
            }
        }
    }

    /** The server closed or reset the connection: between two answers, or in the middle of one. */
    private void connectionLost(Client client) {
        if (client.subscriber.betweenAnswers()) {
            closedBetweenAnswers++;
        } else {
            brokenAnswers++;
        }
        retryLater(client);
    }

    /** After a failed connect, a close or a broken answer: connect again after the page's retry delay. */
    private void retryLater(Client client) {
        waiting.remove(client);
        close(client.channel);
        client.subscriber.reset();
        client.failures++;
        client.mustConnect = true;
        OptionalLong ownDelay = client.subscriber.reconnectDelayMillis(); // EventSource's retry:
        dueIn(client, ownDelay.isPresent() ? ownDelay.getAsLong() * 1_000_000 : retryDelay.nanos(client.failures));
    }

    private static void close(Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
