package livefeed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One published item: the fields that were posted, in the order posted, plus the id and
 * timestamp the server gave it. Immutable, so any thread may read it without a lock.
 */
record Item(long id, long timestamp, Map<String, String> fields) {

    Item {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** {"id":1,"timestamp":1764000000000,"type":"message","content":"hi"} */
    String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\"id\":").append(id).append(",\"timestamp\":").append(timestamp);
        fields.forEach((name, value) ->
                json.append(',').append(Json.string(name)).append(':').append(Json.string(value)));
        return json.append('}').toString();
    }
}
