package com.bedrockusage.job.state;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The building blocks of the job's explicit serializers: variable-length numbers (small values take
 * one byte), Strings as a length and their UTF-8 bytes written in one call, and exact decimals as
 * scale and unscaled value.
 */
public final class CompactEncoding {

    private static final int NULL_DECIMAL = 0;
    private static final int LONG_DECIMAL = 1;
    private static final int BIG_DECIMAL = 2;

    private CompactEncoding() {}

    public static void writeVarLong(long value, DataOutputView out) throws IOException {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    public static long readVarLong(DataInputView in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return v;
            }
        }
        throw new IOException("malformed variable-length number");
    }

    /** Signed: small negative numbers take few bytes too. */
    public static void writeZigZag(long value, DataOutputView out) throws IOException {
        writeVarLong((value << 1) ^ (value >> 63), out);
    }

    public static long readZigZag(DataInputView in) throws IOException {
        long v = readVarLong(in);
        return (v >>> 1) ^ -(v & 1);
    }

    /** Null as length 0, else length + 1 and the UTF-8 bytes. */
    public static void writeString(String value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeByte(0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarLong(bytes.length + 1L, out);
        out.write(bytes);
    }

    public static String readString(DataInputView in) throws IOException {
        byte[] bytes = readStringBytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Copies one string of {@link #writeString}'s format from {@code in} to {@code out}. */
    public static void copyString(DataInputView in, DataOutputView out) throws IOException {
        byte[] bytes = readStringBytes(in);
        if (bytes == null) {
            out.writeByte(0);
            return;
        }
        writeVarLong(bytes.length + 1L, out);
        out.write(bytes);
    }

    private static byte[] readStringBytes(DataInputView in) throws IOException {
        long length = readVarLong(in) - 1;
        if (length < 0) {
            return null;
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("string length out of range: " + length);
        }
        byte[] bytes = new byte[(int) length];
        in.readFully(bytes);
        return bytes;
    }

    /**
     * A nullable enum constant, by name: a reordered enum still reads what an older build wrote.
     */
    public static void writeEnum(Enum<?> value, DataOutputView out) throws IOException {
        writeString(value == null ? null : value.name(), out);
    }

    public static <E extends Enum<E>> E readEnum(Class<E> type, DataInputView in)
            throws IOException {
        String name = readString(in);
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** A nullable String array: null as 0, else the length + 1 and the elements. */
    public static void writeStrings(String[] values, DataOutputView out) throws IOException {
        if (values == null) {
            out.writeByte(0);
            return;
        }
        writeVarLong(values.length + 1L, out);
        for (String value : values) {
            writeString(value, out);
        }
    }

    public static String[] readStrings(DataInputView in) throws IOException {
        long length = readVarLong(in) - 1;
        if (length < 0) {
            return null;
        }
        String[] values = new String[(int) length];
        for (int i = 0; i < values.length; i++) {
            values[i] = readString(in);
        }
        return values;
    }

    /**
     * A nullable decimal: a marker byte, then scale and unscaled value (as a number when it fits a
     * long).
     */
    public static void writeDecimal(BigDecimal value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeByte(NULL_DECIMAL);
            return;
        }
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() < 64) {
            out.writeByte(LONG_DECIMAL);
            writeZigZag(value.scale(), out);
            writeZigZag(unscaled.longValue(), out);
        } else {
            byte[] bytes = unscaled.toByteArray();
            out.writeByte(BIG_DECIMAL);
            writeZigZag(value.scale(), out);
            writeVarLong(bytes.length, out);
            out.write(bytes);
        }
    }

    public static BigDecimal readDecimal(DataInputView in) throws IOException {
        int marker = in.readUnsignedByte();
        if (marker == NULL_DECIMAL) {
            return null;
        }
        int scale = (int) readZigZag(in);
        if (marker == LONG_DECIMAL) {
            return BigDecimal.valueOf(readZigZag(in), scale);
        }
        if (marker != BIG_DECIMAL) {
            throw new IOException("malformed decimal marker " + marker);
        }
        byte[] bytes = new byte[(int) readVarLong(in)];
        in.readFully(bytes);
        return new BigDecimal(new BigInteger(bytes), scale);
    }

    /** A nullable Long: 0 for null, else 1 and the value. */
    public static void writeNullableLong(Long value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            writeZigZag(value, out);
        }
    }

    public static Long readNullableLong(DataInputView in) throws IOException {
        return in.readUnsignedByte() == 0 ? null : Long.valueOf(readZigZag(in));
    }
}
