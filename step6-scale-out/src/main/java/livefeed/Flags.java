package livefeed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads command-line flags given as pairs: {@code --port 8001 --host 0.0.0.0}. */
final class Flags {

    private Flags() {
    }

    static Map<String, String> parse(String[] args, String... known) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (!List.of(known).contains(flag)) {
                throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            flags.put(flag, args[i + 1]);
        }
        return flags;
    }

    static int number(String flag, String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException(flag + " must be a whole number, not '" + value + "'");
        }
        return Integer.parseInt(value);
    }
}
