package org.rentrecovery.engine;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * The answer of a table row whose every output cell is a literal, made once when the table is compiled: the columns
 * by name, unchangeable, and the row read as a typed record ({@link RecordMapping#read}) kept beside them, so the
 * record is built once per row instead of once per decision (a constructor called reflectively, a string per column).
 * A record is kept only for the last type asked, which for a table's rows is always the one its contract names.
 */
final class FixedColumns extends AbstractMap<String, Object> {
    /** A record read from these columns, with its type; immutable, so a thread that sees another's sees it whole. */
    private record Read(Class<?> type, Object value) {
    }

    private final Map<String, Object> columns;
    private Read read;

    /** {@code columns} unmodifiable, never changed after. */
    FixedColumns(Map<String, Object> columns) {
        this.columns = columns;
    }

    /** The record kept for {@code type}, or null. */
    <T> T readAs(Class<T> type) {
        Read known = read;
        return known != null && known.type() == type ? type.cast(known.value()) : null;
    }

    void keep(Class<?> type, Object value) {
        read = new Read(type, value);
    }

    @Override
    public Object get(Object key) {
        return columns.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return columns.containsKey(key);
    }

    @Override
    public int size() {
        return columns.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return columns.entrySet();
    }
}
