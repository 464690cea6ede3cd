package ebmopt.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trial identities and seeds. The identity is the first 16 hex digits of the SHA-256 of
 * the canonical JSON (sorted keys) of {experiment, params, replicate, seed}, where params leave
 * out the parameters at their {@link ebmopt.config.IdentityDefault} value; the derived
 * seed is another 63 bits of a digest of that same text. No clock, counter or random
 * number enters, so the same configuration always has the same identity and seed: that is
 * what makes resume and de-duplication work.
 */
public final class TrialIdentity {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private TrialIdentity() {
    }

    /** Canonical JSON of a value built from maps, lists, strings, numbers and booleans. */
    public static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot render " + value, e);
        }
    }

    /** The canonical text an identity is the hash of. */
    public static String identityText(String experiment, Map<String, Object> params, int replicate, Long seed) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("experiment", experiment);
        identity.put("params", params);
        identity.put("replicate", replicate);
        identity.put("seed", seed);
        return canonicalJson(identity);
    }

    /** The 16-hex-digit identity of a canonical text. */
    public static String id(String identityText) {
        return HexFormat.of().formatHex(sha256("trial:" + identityText), 0, 8);
    }

    /** The seed derived from a canonical text: non-negative, stable across JVMs and versions. */
    public static long derivedSeed(String identityText) {
        return ByteBuffer.wrap(sha256("seed:" + identityText)).getLong() & Long.MAX_VALUE;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
