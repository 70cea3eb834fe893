package dev.ticklist.progress.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one flush writes for one key group (a learner, a cohort): the keys' new state, guarded
 * by the group's marker, and the events to add to its outbox. All keys share one hash tag, so
 * {@code store.lua} applies it atomically on one slot. Consecutive operations of one kind on one
 * key are sent as one command.
 */
public final class KeyWrite {

    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new HashMap<>();
    private final List<String> args = new ArrayList<>();
    private int openCount = -1;
    private String openName;
    private int openKey;

    /**
     * @param marker   the key holding the offset of the last event applied
     * @param expected the marker as last read or written, or -1 if there was none
     * @param next     the marker after this write
     */
    public KeyWrite(String marker, String outbox, long expected, long next) {
        indexOf(marker);
        indexOf(outbox);
        args.add(expected < 0 ? "" : Long.toString(expected));
        args.add(Long.toString(next));
    }

    public KeyWrite hset(String key, String field, String value) {
        return op("HSET", key, field, value);
    }

    public KeyWrite hset(String key, Map<String, String> fields) {
        fields.forEach((field, value) -> hset(key, field, value));
        return this;
    }

    public KeyWrite hdel(String key, String field) {
        return op("HDEL", key, field, null);
    }

    public KeyWrite del(String key) {
        close();
        args.add("DEL");
        args.add(Integer.toString(indexOf(key)));
        args.add("0");
        return this;
    }

    public KeyWrite hincrby(String key, String field, long by) {
        return op("HINCRBY", key, field, Long.toString(by));
    }

    public KeyWrite rpush(String key, Collection<String> values) {
        values.forEach(value -> op("RPUSH", key, value, null));
        return this;
    }

    public KeyWrite zadd(String key, String member, long score) {
        return op("ZADD", key, Long.toString(score), member);
    }

    public KeyWrite zrem(String key, String member) {
        return op("ZREM", key, member, null);
    }

    /** Pushes entries onto the group's outbox. */
    public KeyWrite toOutbox(Collection<String> entries) {
        return rpush(keys.get(1), entries);
    }

    List<String> keys() {
        return keys;
    }

    List<String> args() {
        close();
        return args;
    }

    private KeyWrite op(String name, String key, String first, String second) {
        int index = indexOf(key);
        if (openCount < 0 || !name.equals(openName) || index != openKey) {
            close();
            args.add(name);
            args.add(Integer.toString(index));
            args.add(null);
            openCount = 0;
            openName = name;
            openKey = index;
        }
        args.add(first);
        if (second != null) {
            args.add(second);
        }
        openCount++;
        return this;
    }

    /** Fills in the count of the operation being built. */
    private void close() {
        if (openCount >= 0) {
            int width = openName.equals("HSET") || openName.equals("ZADD") || openName.equals("HINCRBY") ? 2 : 1;
            args.set(args.size() - openCount * width - 1, Integer.toString(openCount));
            openCount = -1;
        }
    }

    private int indexOf(String key) {
        return keyIndex.computeIfAbsent(key, k -> {
            keys.add(k);
            return keys.size();
        });
    }
}
