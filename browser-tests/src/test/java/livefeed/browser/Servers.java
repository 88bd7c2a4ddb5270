package livefeed.browser;

import livefeed.NginxRequired;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/** Starts step servers for a test and stops every one of them after it: {@code @RegisterExtension final Servers servers = new Servers();} */
final class Servers implements AfterEachCallback {

    private final List<StepServer> started = new ArrayList<>();

    /** Starts the step on a free port, with options such as "--backlog", "3". Step 4 skips the test without nginx. */
    StepServer start(Step step, String... options) {
        if (step == Step.NGINX) {
            NginxRequired.binary(); // ProxyDemo finds it the same way: NginxBinary, in step 4
        }
        return remember(StepServer.start(step, options));
    }

    /** Starts a stopped server again, on the same port. */
    StepServer startAgain(StepServer stopped) {
        return remember(stopped.startAgain());
    }

    private StepServer remember(StepServer server) {
        started.add(server);
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(StepServer::stop);
        started.clear();
    }
}
