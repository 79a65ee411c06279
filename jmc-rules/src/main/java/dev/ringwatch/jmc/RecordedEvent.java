package dev.ringwatch.jmc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;

/**
 * One event of a recording, its fields looked up by their JFR names. Fields are found by name rather than by
 * JMC content type, so that a field added or retyped in a later ringwatch version reads as absent, not as an
 * error.
 */
final class RecordedEvent {
    private final IItem item;
    private final Map<String, IMemberAccessor<?, IItem>> fields;

    private RecordedEvent(IItem item, Map<String, IMemberAccessor<?, IItem>> fields) {
        this.item = item;
        this.fields = fields;
    }

    /** Every event of type {@code typeId} in {@code items}; empty when the type is absent. */
    static List<RecordedEvent> all(IItemCollection items, String typeId) {
        List<RecordedEvent> events = new ArrayList<>();
        for (IItemIterable batch : items.apply(ItemFilters.type(typeId))) {
            Map<String, IMemberAccessor<?, IItem>> fields = new HashMap<>();
            for (IAccessorKey<?> key : batch.getType().getAccessorKeys().keySet()) {
                IMemberAccessor<?, IItem> accessor = batch.getType().getAccessor(key);
                if (accessor != null) {
                    fields.put(key.getIdentifier(), accessor);
                }
            }
            for (IItem item : batch) {
                events.add(new RecordedEvent(item, fields));
            }
        }
        return events;
    }

    private Object value(String field) {
        IMemberAccessor<?, IItem> accessor = fields.get(field);
        return accessor == null ? null : accessor.getMember(item);
    }

    /** A text field; empty when absent or null. */
    String text(String field) {
        return value(field) instanceof String s ? s : "";
    }

    boolean flag(String field) {
        return value(field) instanceof Boolean b && b;
    }

    /** A numeric, timespan or data-amount field; null when absent. */
    IQuantity quantity(String field) {
        return value(field) instanceof IQuantity q ? q : null;
    }
}
