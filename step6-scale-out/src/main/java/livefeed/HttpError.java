package livefeed;

/** A request we refuse: the status to answer and a message a person can act on. */
final class HttpError extends Exception {

    final int status;

    HttpError(int status, String message) {
        super(message, null, false, false); // no stack trace: this is an answer, not a bug
        this.status = status;
    }
}
