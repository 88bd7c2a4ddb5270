package livefeed.browser;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whatever the tests started ends with them, even when a run is stopped halfway (Ctrl-C). */
final class ChildProcesses {

    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private ChildProcesses() {
    }

    /** Call before starting a process: at exit, every process below this JVM is ended (servers, nginx, chromedriver, Chromium). */
    static void endWhenTheTestsEnd() {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() ->
                    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
        }
    }
}
