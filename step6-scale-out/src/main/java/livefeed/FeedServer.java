package livefeed;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Step 6: one of several feed servers. The feed lives in Redis: a publish stores the item there, and
 * this server's follower reads every item back and answers its own polls and streams, as step 5 did.
 * Any number of these run side by side behind nginx; ScaleOutDemo starts them all.
 */
public final class FeedServer {

    /** The page loads /client.js: in this step, the script that opens an EventSource. */
    static final String CLIENT_SCRIPT = "event-source.js";
    /** How long stopping waits for the streams to end cleanly, before it closes what is left. */
    private static final Duration STREAMS_END_WITHIN = Duration.ofSeconds(2);
    /** Connections that may wait to be accepted; the JDK's default, 50, refuses a crowd (Linux caps it at somaxconn). */
    private static final int ACCEPT_BACKLOG = 4096;
    private static final int MAX_IDLE_CONNECTIONS = 20_000;
    /** A request must arrive whole within this time, else the JDK closes its connection. */
    static final int REQUEST_TIME_LIMIT_SECONDS = 10;
    private static final int WORKER_THREADS = 8;

    private final HttpServer server;
    private final RequestThreads requestThreads;
    private final ScheduledExecutorService workers;
    private final Feed feed;
    private final Subscribers subscribers;
    private final RedisFeed redisFeed;
    private final Follower follower;

    private FeedServer(HttpServer server, RequestThreads requestThreads, ScheduledExecutorService workers, Feed feed,
            Subscribers subscribers, RedisFeed redisFeed, Follower follower) {
        this.server = server;
        this.requestThreads = requestThreads;
        this.workers = workers;
        this.feed = feed;
        this.subscribers = subscribers;
        this.redisFeed = redisFeed;
        this.follower = follower;
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + Settings.USAGE);
            System.exit(2);
            return;
        }
        try {
            FeedServer feedServer = start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(feedServer::stop));
            System.out.println("Live feed at " + feedServer.url() + " (admin page: " + feedServer.url() + "admin.html)");
            if (!feedServer.redisAnswers()) {
                System.err.println("warning: no Redis answers on 127.0.0.1:" + settings.redisPort() + " (this server keeps"
                        + " trying): run the whole demo with mvn -q -pl step6-scale-out compile exec:java,"
                        + " or start one with redis-server --port " + settings.redisPort());
            }
        } catch (BindException e) {
            System.err.println("error: port " + settings.port() + " is in use (is another feed server running?):"
                    + " stop it, or pass --port 0 for any free port");
            System.exit(1);
        } catch (IOException e) {
            System.err.println("error: cannot start the server: " + e.getMessage());
            System.exit(1);
        }
    }

    static FeedServer start(Settings settings) throws IOException {
        // The workers run the requests (through RequestThreads), the poll timeouts, the answers a publish hands
        // them, and the streams' heartbeats.
        ScheduledThreadPoolExecutor workers = new ScheduledThreadPoolExecutor(WORKER_THREADS);
        workers.setRemoveOnCancelPolicy(true); // a poll answered early drops its timeout at once
        Subscribers subscribers = new Subscribers(settings.maxSubscribers(), settings.backlog(), settings.heartbeat());
        RedisFeed redisFeed = new RedisFeed(settings.redisPort(), settings.backlog());
        Feed feed = new Feed(redisFeed, settings.pollTimeout(), settings.backlog(), settings.maxWaiting(), workers, subscribers);
        FeedHandler feedHandler = new FeedHandler(feed);
        EventStreamHandler eventStreamHandler = new EventStreamHandler(feed, subscribers);
        PublishHandler publishHandler = new PublishHandler(feed);
        StaticFiles staticFiles = new StaticFiles(settings.staticDir(), CLIENT_SCRIPT);

        // tag::tcp-nodelay[]
        // Two defaults of the JDK server that hurt many waiting clients. The JDK reads them once, when the
        // first server starts, so they are set here unless someone gave them with -D already:
        // TCP_NODELAY: else an answer's body, written after its headers, can wait up to 40 ms for the
        // client to acknowledge them (Nagle's algorithm);
        useUnlessSet("sun.net.httpserver.nodelay", "true");
        // and past 200 idle keep-alive connections, the JDK closes each one after its answer: a crowd of
        // clients would have to connect again for every item.
        useUnlessSet("sun.net.httpserver.maxIdleConnections", String.valueOf(MAX_IDLE_CONNECTIONS));
        // end::tcp-nodelay[]
        // tag::request-threads[]
        // The JDK server reads each request (line, headers, body) on a thread of its executor, and waits there
        // for bytes that are slow to come: a client that stops half-way holds a thread. So: a time limit for a
        // request to arrive whole, after which the JDK closes the connection (its timer looks every second) and
        // the thread is free again, and request threads that grow while some are held (RequestThreads).
        // A parked poll arrived whole long before: the limit never touches it.
        useUnlessSet("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_TIME_LIMIT_SECONDS));
        RequestThreads requestThreads = new RequestThreads(workers);
        // end::request-threads[]
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), ACCEPT_BACKLOG);
        server.createContext("/", new ErrorAnswers(exchange -> {
            switch (Objects.toString(exchange.getRequestURI().getPath(), "")) {
                case "/real_time_feed" -> feedHandler.handle(exchange);
                case "/feed_events" -> eventStreamHandler.handle(exchange);
                case "/send_feed_item" -> publishHandler.handle(exchange);
                default -> staticFiles.handle(exchange);
            }
        }, System.err::println));
        // Without an executor every request runs on the one dispatcher thread: one slow handler would stall them all.
        server.setExecutor(requestThreads);
        server.start();
        long tick = subscribers.tickInterval().toNanos();
        workers.scheduleWithFixedDelay(subscribers::tick, tick, tick, TimeUnit.NANOSECONDS);
        Follower follower = Follower.start(settings.redisPort(), feed::deliver, System.err::println);
        return new FeedServer(server, requestThreads, workers, feed, subscribers, redisFeed, follower);
    }

    private static void useUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    int waitingPolls() {
        return feed.waitingCount();
    }

    /** Request threads reading a request or running a handler right now; a parked poll holds none. */
    int busyRequestThreads() {
        return requestThreads.busy();
    }

    int openStreams() {
        return subscribers.count();
    }

    boolean redisAnswers() {
        return redisFeed.answers();
    }

    void stop() {
        follower.stop();
        feed.answerAllWaiting();
        feed.endAllStreams();
        try {
            subscribers.awaitEnded(STREAMS_END_WITHIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0); // closes every connection left, which also ends a write blocked on one
        requestThreads.shutdownNow();
        workers.shutdownNow();
        subscribers.stopWriters();
        redisFeed.close();
    }
}
