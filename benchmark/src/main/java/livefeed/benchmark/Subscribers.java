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
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * N subscribers on one selector thread, each following the feed the way a step's page does: it
 * polls every few seconds (step 1), long polls without a cursor (step 2), or long polls with the
 * cursor, since=0 first and then the largest id it has seen (steps 3 and 4). Each keeps one
 * HTTP/1.1 keep-alive connection. Non-blocking, so 10,000 subscribers cost one thread. They belong
 * to that thread: the main thread reads the volatile counters and clientsAt while it runs, and the
 * rest after stop().
 */
final class Subscribers {

    private static final Pattern ITEM = Pattern.compile("\"id\":([0-9]+),\"timestamp\":([0-9]+)");

    private final InetSocketAddress server;
    private final int count;
    private final boolean cursor;
    private final long pollEveryNanos; // 0: long polling, ask again as soon as an answer arrives
    // Subscribers waiting to poll again, or to connect again after a failure, soonest first.
    private final PriorityQueue<Client> waiting = new PriorityQueue<>(Comparator.comparingLong(c -> c.dueNanos));
    private final Random random = new Random(1); // the retry delays' jitter, the same from run to run
    private final Selector selector = Selector.open();
    private final Thread thread = new Thread(this::run, "subscribers");
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final List<Client> clients = new ArrayList<>();
    private final Stats[] latencyById; // ms from an item's timestamp to its first arrival, all clients
    private final AtomicIntegerArray clientsAt; // clientsAt[id]: how many clients have a cursor >= id
    private volatile boolean running = true;

    // Written by the selector thread alone, so ++ is safe; volatile so that the main thread can watch.
    volatile int connected;
    volatile long lastConnectedAtMillis;
    volatile long requests;
    volatile long delivered;
    volatile long lastDeliveryMillis;
    volatile boolean timingGaps; // set by the main thread while nothing is published
    private final Stats idleGaps = new Stats(); // ms between two requests of one subscriber, while timingGaps
    int connectFailures;
    int closedBetweenAnswers; // closed or reset by the server while no answer was on its way
    int brokenAnswers;
    int errorAnswers; // not 200, such as 503 when more than --max-waiting polls wait
    int duplicates;
    int outOfOrder;
    int unknownIds; // ids past the last item the benchmark published: a POST it counted as failed went through
    volatile Throwable failure; // what stopped the thread, if anything did

    private static final class Client {
        final ResponseParser response = new ResponseParser();
        final BitSet seen = new BitSet();
        SocketChannel channel;
        ByteBuffer request;
        long cursor;
        long dueNanos;
        boolean mustConnect; // when due: connect again, rather than poll on the open connection
        int failures; // in a row, as the page counts them for its retry delay
        long lastRequestNanos;
        boolean everConnected;
    }

    /** pollEveryMillis 0 means long polling; cursor says whether each request carries since=. */
    Subscribers(InetSocketAddress server, int count, int maxId, boolean cursor, long pollEveryMillis) throws IOException {
        this.server = server;
        this.count = count;
        this.cursor = cursor;
        this.pollEveryNanos = pollEveryMillis * 1_000_000;
        this.latencyById = new Stats[maxId + 1];
        Arrays.setAll(latencyById, id -> new Stats());
        this.clientsAt = new AtomicIntegerArray(maxId + 1);
        thread.setDaemon(true); // a run that fails must not be kept alive by it
    }

    void start() {
        thread.start();
    }

    int clientsAt(long id) {
        return clientsAt.get((int) id);
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

    /** After stop(): the latencies of these items, all clients together. */
    Stats latencies(List<Long> ids) {
        Stats all = new Stats();
        ids.forEach(id -> all.addAll(latencyById[id.intValue()]));
        return all;
    }

    /** After stop(): the time between two requests of one subscriber while nothing was published, in ms. */
    Stats idleGaps() {
        return idleGaps;
    }

    /** After stop(): how many (client, item) pairs never arrived. */
    long lost(List<Long> ids) {
        return clients.stream().mapToLong(c -> ids.stream().filter(id -> !c.seen.get(id.intValue())).count()).sum();
    }

    /** After stop(): how many subscribers got none of these items. */
    long withNone(List<Long> ids) {
        return clients.stream().filter(c -> ids.stream().noneMatch(id -> c.seen.get(id.intValue()))).count();
    }

    /** The id and timestamp of each item of a feed answer, in pairs: id, timestamp, id, timestamp... */
    static long[] idsAndTimestamps(String json) {
        // Not a JSON parser: the benchmark posts plain words, so only the server's own fields can match.
        return ITEM.matcher(json).results()
                .flatMapToLong(m -> LongStream.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                .toArray();
    }

    private void run() {
        try {
            for (int i = 0; i < count; i++) {
                clients.add(new Client());
                open(clients.get(i));
            }
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
            } else if (client.response.isEmpty()) {
                closedBetweenAnswers++; // a reset: the server closed while our next request was unread
            } else {
                brokenAnswers++;
            }
            retryLater(client);
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
        String path = cursor ? "/real_time_feed?since=" + client.cursor : "/real_time_feed";
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.getPort() + "\r\n\r\n";
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
            if (client.response.isEmpty()) {
                closedBetweenAnswers++;
            } else {
                brokenAnswers++;
            }
            retryLater(client);
            return;
        }
        readBuffer.flip();
        if (client.response.feed(readBuffer)) { // one request at a time, so nothing can follow the answer
            answered(client, System.currentTimeMillis());
        }
    }

    private void answered(Client client, long arrivalMillis) throws IOException {
        if (client.response.status() != 200) { // such as 503 when more than --max-waiting polls wait
            errorAnswers++;
            client.failures++;
            client.response.reset();
            pollLater(client, retryDelayNanos(client.failures)); // as the page does
            return;
        }
        client.failures = 0;
        long[] stamps = idsAndTimestamps(client.response.body());
        for (int i = 0; i < stamps.length; i += 2) {
            int id = (int) stamps[i];
            if (id < 1 || id >= latencyById.length) {
                unknownIds++;
                continue;
            }
            if (client.seen.get(id)) {
                duplicates++;
                continue;
            }
            if (id < client.cursor) {
                outOfOrder++;
            }
            client.seen.set(id);
            delivered++;
            lastDeliveryMillis = arrivalMillis;
            latencyById[id].add(arrivalMillis - stamps[i + 1]); // a fresh server: ids 1 to maxId
            for (long reached = client.cursor + 1; reached <= id; reached++) {
                clientsAt.incrementAndGet((int) reached);
            }
            client.cursor = Math.max(client.cursor, id);
        }
        client.response.reset();
        if (pollEveryNanos > 0) {
            pollLater(client, pollEveryNanos);
        } else {
            sendRequest(client);
        }
    }

    /** After a failed connect, a close or a broken answer: connect again after the page's retry delay. */
    private void retryLater(Client client) {
        waiting.remove(client);
        close(client.channel);
        client.response.reset();
        client.failures++;
        client.mustConnect = true;
        dueIn(client, retryDelayNanos(client.failures));
    }

    /** feed-page.js's retryDelay: 1 s, 2 s, 4 s... up to 30 s, times a random 0.5 to 1. */
    private long retryDelayNanos(int failures) {
        long ceilingMillis = Math.min(30_000, 1000L << Math.min(failures - 1, 5));
        return Math.round(ceilingMillis * (0.5 + random.nextDouble() / 2)) * 1_000_000;
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
