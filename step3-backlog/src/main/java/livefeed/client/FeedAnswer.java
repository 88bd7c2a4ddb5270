package livefeed.client;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the body of a feed answer into items, and checks that it keeps the promises of the
 * protocol: numbers for id and timestamp, a type, text for every other field, ids increasing.
 */
final class FeedAnswer {

    private FeedAnswer() {
    }

    static List<FeedItem> items(String body) throws ParseException {
        List<FeedItem> items = new ArrayList<>();
        for (Map<String, Object> object : JsonReader.readArrayOfObjects(body)) {
            FeedItem item = item(object);
            if (!items.isEmpty() && item.id() <= items.get(items.size() - 1).id()) {
                throw new ParseException("the ids are not in increasing order: " + item.id() + " comes after "
                        + items.get(items.size() - 1).id(), 0);
            }
            items.add(item);
        }
        return items;
    }

    private static FeedItem item(Map<String, Object> object) throws ParseException {
        long id = number(object, "id");
        long timestamp = number(object, "timestamp");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : object.entrySet()) {
            String name = field.getKey();
            if (name.equals("id") || name.equals("timestamp")) {
                continue;
            }
            if (!(field.getValue() instanceof String text)) {
                throw new ParseException("item " + id + ": the field \"" + name + "\" is not text", 0);
            }
            fields.put(name, text);
        }
        if (!fields.containsKey("type")) {
            throw new ParseException("item " + id + " has no \"type\"", 0);
        }
        return new FeedItem(id, timestamp, fields);
    }

    private static long number(Map<String, Object> object, String name) throws ParseException {
        if (!(object.get(name) instanceof Long number)) {
            throw new ParseException("an item has no \"" + name + "\" number", 0);
        }
        return number;
    }
}
