package io.drillboard.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A record's copy with some components changed, through its canonical constructor (so its checks still run): the
 * withers of the configuration's records, written once instead of each naming every other component again.
 */
final class RecordCopy {
  private RecordCopy() {
  }

  /** {@code record} with the components named in {@code changes} set to their values. */
  @SuppressWarnings("unchecked")
  static <R extends Record> R with(R record, Map<String, Object> changes) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    Set<String> unknown = new HashSet<>(changes.keySet());
    try {
      for (int i = 0; i < components.length; i++) {
        String name = components[i].getName();
        types[i] = components[i].getType();
        values[i] = unknown.remove(name) ? changes.get(name) : components[i].getAccessor().invoke(record);
      }
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + unknown);
      }
      return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException refused) {
        throw refused;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
