package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * LongPoll on its own: one parked GET, and the three things that may answer it. Step 2's tests,
 * with a cursor (since 0) added to each poll, and the new answer from the backlog.
 */
class LongPollTest {

    private static final Item ITEM = new Item(1, 1_700_000_000_000L, Map.of("type", "message"));

    @Test
    @Tag("ex2.1")
    @DisplayName("Exercise 2.1: the answer is the items as JSON, with status 200")
    void answersWithTheItemsAsJson() {
        RecordingExchange exchange = RecordingExchange.get();

        new LongPoll(exchange, 0).answer(List.of(ITEM));

        assertThat(exchange.status()).as("the answer's status").isEqualTo(200);
        assertThat(exchange.body()).as("the items, as a JSON array").isEqualTo("[" + ITEM.toJson() + "]");
        assertThat(exchange.getResponseHeaders().getFirst("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    @Tag("ex2.1")
    @DisplayName("Exercise 2.1: a poll is answered once: a later answer writes nothing")
    void isAnsweredOnce() {
        RecordingExchange exchange = RecordingExchange.get();
        LongPoll poll = new LongPoll(exchange, 0);

        poll.answer(List.of(ITEM)); // a publish
        poll.answer(List.of());     // then its timeout

        assertThat(exchange.answers()).as("answers started on the exchange").isEqualTo(1);
        assertThat(exchange.body()).as("the first answer is the one written").isEqualTo("[" + ITEM.toJson() + "]");
    }

    @RepeatedTest(20)
    @Tag("ex2.1")
    @DisplayName("Exercise 2.1: a publish and a timeout that answer at the same moment: only one gets through")
    void isAnsweredOnceEvenWhenTwoThreadsAnswerAtOnce() throws Exception {
        RecordingExchange exchange = RecordingExchange.get();
        LongPoll poll = new LongPoll(exchange, 0);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> publish = CompletableFuture.runAsync(() -> awaitThen(start, () -> poll.answer(List.of(ITEM))));
        CompletableFuture<Void> timeout = CompletableFuture.runAsync(() -> awaitThen(start, () -> poll.answer(List.of())));

        start.countDown();
        CompletableFuture.allOf(publish, timeout).get();

        assertThat(exchange.answers()).as("answers started on the exchange").isEqualTo(1);
    }

    @Test
    @Tag("ex2.1")
    @DisplayName("Exercise 2.1: the answer cancels the poll's timeout")
    void answeringCancelsTheTimeout() {
        LongPoll poll = new LongPoll(RecordingExchange.get(), 0);
        Future<?> timeout = new CompletableFuture<>();
        poll.expireWith(timeout);

        poll.answer(List.of(ITEM));

        assertThat(timeout).as("an answered poll cancels its timeout, or the timer fires for nothing").isCancelled();
    }

    @Test
    @Tag("ex2.1")
    @DisplayName("Exercise 2.1: a timeout attached after the answer is cancelled at once")
    void aTimeoutAttachedAfterTheAnswerIsCancelled() {
        LongPoll poll = new LongPoll(RecordingExchange.get(), 0);
        poll.answer(List.of(ITEM)); // a publish that came before park attached the timeout

        Future<?> timeout = new CompletableFuture<>();
        poll.expireWith(timeout);

        assertThat(timeout).as("a timeout attached to a poll already answered is cancelled at once").isCancelled();
    }

    @Test
    @Tag("ex2.1")
    @DisplayName("Exercise 2.1: a client that went away does not make the answer throw")
    void aClientThatWentAwayDoesNotMakeTheAnswerThrow() {
        LongPoll poll = new LongPoll(RecordingExchange.fromAClientThatWentAway(), 0);

        assertThatCode(() -> poll.answer(List.of(ITEM)))
                .as("writing to a client that went away fails with an IOException: the answer catches it, nobody else can")
                .doesNotThrowAnyException();
    }

    @Test
    void answersFromTheBacklogWithTheItemsNewerThanItsCursor() {
        RecordingExchange exchange = RecordingExchange.get();
        Item two = new Item(2, 1_700_000_000_001L, Map.of("type", "message"));
        Item three = new Item(3, 1_700_000_000_002L, Map.of("type", "message"));
        Backlog backlog = new Backlog(20).with(ITEM).with(two).with(three);

        new LongPoll(exchange, 1).answer(backlog);

        assertThat(exchange.body()).as("a poll whose cursor is 1 gets the kept items newer than 1")
                .isEqualTo("[" + two.toJson() + "," + three.toJson() + "]");
    }

    private static void awaitThen(CountDownLatch start, Runnable answer) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answer.run();
    }
}
