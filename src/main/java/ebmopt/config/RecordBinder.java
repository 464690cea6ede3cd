package ebmopt.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Binds a HOCON block to an immutable settings record, strictly: every record component
 * is read from the kebab-case key of the same name (noiseMagnitude &lt;- noise-magnitude),
 * a missing key, a wrong type, an out-of-range value (the record's constructor throws
 * {@link InvalidParameterException}) and any key the record does not declare all fail
 * with a {@link ConfigError} naming the full key and the file it came from.
 *
 * <p>Supported component types: double, int, long, boolean, String, enums (written in
 * kebab case), nullable Long and Double, {@code List<Double|Integer|String>}, Duration and
 * {@code Map<String, String>} (a free-form block of flat string settings). Only the boxed
 * numbers and Boolean may be null; durations appear in {@link #toMap} as "&lt;nanos&gt;ns".
 */
public final class RecordBinder {
    /** The only component types that may be null (written as {@code key = null}). */
    private static final Set<Class<?>> NULLABLE = Set.of(Long.class, Double.class, Integer.class, Boolean.class);

    private RecordBinder() {
    }

    /**
     * Binds {@code block} (found at {@code path} in the whole configuration, used in
     * messages) to a new instance of {@code type}.
     */
    public static <R extends Record> R bind(Config block, String path, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        rejectUnknownKeys(block, path, type, components);
        Object[] args = new Object[components.length];
        Class<?>[] argTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            argTypes[i] = c.getType();
            args[i] = read(block, path, kebab(c.getName()), c.getType(), c.getGenericType());
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(argTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidParameterException bad) {
                String key = bad.key();
                ConfigValue value = block.hasPath(key) ? block.getValue(key) : null;
                String shown = value == null ? "" : " = " + Sections.concise(value);
                throw new ConfigError("Bad configuration: " + ConfigError.where(join(path, key)
                        + shown, value == null ? block.origin() : value.origin()) + ": " + bad.getMessage(), bad);
            }
            throw new ConfigError("Bad configuration in " + path + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** The record's values as an ordered map of kebab-case keys, enums in kebab case. */
    public static Map<String, Object> toMap(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                java.lang.reflect.Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                Object v = accessor.invoke(record);
                out.put(kebab(c.getName()), v instanceof Enum<?> e ? enumName(e)
                        : v instanceof Duration d ? d.toNanos() + "ns" : v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /**
     * {@link #toMap} without the components marked {@link IdentityDefault} that hold their marked
     * value: what a trial's identity is computed from.
     */
    public static Map<String, Object> identityMap(Record record) {
        Map<String, Object> out = toMap(record);
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            IdentityDefault neutral = c.getAnnotation(IdentityDefault.class);
            String key = kebab(c.getName());
            if (neutral != null && neutral.value().equals(String.valueOf(out.get(key)))) {
                out.remove(key);
            }
        }
        return out;
    }

    /** The kebab-case keys a record type declares. */
    public static Set<String> keys(Class<? extends Record> type) {
        Set<String> keys = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            keys.add(kebab(c.getName()));
        }
        return keys;
    }

    /** camelCase -> kebab-case, e.g. noiseMagnitude -> noise-magnitude. */
    public static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** An enum constant as written in configuration: NEG_REWEIGHT -> neg-reweight. */
    public static String enumName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void rejectUnknownKeys(Config block, String path, Class<?> type, RecordComponent[] components) {
        Set<String> known = new TreeSet<>();
        for (RecordComponent c : components) {
            known.add(kebab(c.getName()));
        }
        for (Map.Entry<String, ConfigValue> e : new TreeMap<>(block.root()).entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new ConfigError("Unknown configuration key " + ConfigError.where(join(path, e.getKey()),
                        e.getValue().origin()) + "; " + path + " accepts only " + known);
            }
        }
    }

    private static Object read(Config block, String path, String key, Class<?> raw, Type generic) {
        String full = join(path, key);
        if (!block.hasPathOrNull(key)) {
            throw new ConfigError("Missing required configuration key " + full
                    + " (the block " + path + " comes from " + block.origin().description() + ")");
        }
        try {
            if (block.getIsNull(key)) {
                if (!NULLABLE.contains(raw)) {
                    throw new ConfigError("Configuration key " + ConfigError.where(full, block.origin())
                            + " must not be null");
                }
                return null;
            }
            if (raw == double.class || raw == Double.class) {
                return block.getDouble(key);
            } else if (raw == int.class || raw == Integer.class) {
                requireWhole(block, full, key);
                return block.getInt(key);
            } else if (raw == long.class || raw == Long.class) {
                requireWhole(block, full, key);
                return block.getLong(key);
            } else if (raw == boolean.class || raw == Boolean.class) {
                return block.getBoolean(key);
            } else if (raw == String.class) {
                return block.getString(key);
            } else if (raw == Duration.class) {
                return block.getDuration(key);
            } else if (raw.isEnum()) {
                return parseEnum(block, full, key, raw);
            } else if (raw == List.class) {
                return readList(block, key, generic);
            } else if (raw == Map.class) {
                return readStringMap(block.getConfig(key));
            }
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            throw new ConfigError("Wrong type for configuration key " + full + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("unsupported settings type " + raw + " for " + full);
    }

    /** getInt and getLong silently drop a fraction: 2.5 would bind as 2. */
    private static void requireWhole(Config block, String full, String key) {
        Number n = block.getNumber(key);
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new ConfigError("Wrong type for " + ConfigError.where(full, block.getValue(key).origin())
                    + ": must be a whole number, got " + n);
        }
    }

    private static Object parseEnum(Config block, String full, String key, Class<?> raw) {
        String text = block.getString(key);
        List<String> allowed = new ArrayList<>();
        for (Object constant : raw.getEnumConstants()) {
            String name = enumName((Enum<?>) constant);
            allowed.add(name);
            if (name.equalsIgnoreCase(text) || ((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new ConfigError("Bad configuration: " + ConfigError.where(full + " = \"" + text + "\"",
                block.getValue(key).origin()) + ": must be one of " + allowed);
    }

    private static List<?> readList(Config block, String key, Type generic) {
        Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
        if (element == Double.class) {
            return List.copyOf(block.getDoubleList(key));
        } else if (element == Integer.class) {
            return List.copyOf(block.getIntList(key));
        } else if (element == String.class) {
            return List.copyOf(block.getStringList(key));
        }
        throw new IllegalStateException("unsupported list element " + element);
    }

    /** Flattens a block into dotted keys, so "a.b" = x and a { b = x } mean the same. */
    private static Map<String, String> readStringMap(Config block) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : block.entrySet()) {
            out.put(String.join(".", ConfigUtil.splitPath(e.getKey())), String.valueOf(e.getValue().unwrapped()));
        }
        return out;
    }

    private static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }
}
