package livefeed;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * Before the demo starts anything: is one of its ports taken already (often by an earlier demo)? The
 * answer names the option that moves it. A port can still be taken between this look and the child
 * that binds it: then that child's own error says so.
 */
final class PortsInUse {

    private PortsInUse() {
    }

    /** The first port that something listens on already, said with the option that moves it. */
    static Optional<String> firstOf(int servers, int firstPort, int redisPort, int nginxPort) {
        if (inUse(nginxPort)) {
            return Optional.of("port " + nginxPort + " is in use (an earlier demo still running?): stop it, or pass --nginx-port N");
        }
        if (inUse(redisPort)) {
            return Optional.of("port " + redisPort + " is in use (another Redis?): stop it, or pass --redis-port N");
        }
        for (int i = 0; firstPort > 0 && i < servers; i++) {
            if (inUse(firstPort + i)) {
                return Optional.of("port " + (firstPort + i) + " is in use, and feed server " + (i + 1) + " of " + servers
                        + " needs it: stop what uses it, or pass --port N (the first feed server's port), or --port 0 for any free ports");
            }
        }
        return Optional.empty();
    }

    private static boolean inUse(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (BindException e) {
            return true;
        } catch (IOException e) {
            return false; // not a port in use: the child that takes it will say what is wrong
        }
    }
}
