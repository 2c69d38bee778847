package com.bedrockusage.job.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.SerializerContract;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class Utf8StringSerializerTest extends SerializerContract<String> {

    private static final Utf8StringSerializer SERIALIZER = Utf8StringSerializer.INSTANCE;
    private static final List<String> SHAPES =
            Arrays.asList(
                    "",
                    null,
                    "455216685514\u001Fus-east-1\u001Farn:aws:sts::455216685514:assumed-role/App/session\u001Fanthropic.claude",
                    "0f9c7b1e-3f7a-4c55-9a0e-2b6f1c1d2e3f",
                    "é ünïcödé \uD83D\uDE00 and a surrogate pair",
                    "x".repeat(126),
                    "y".repeat(127),
                    "z".repeat(70_000));

    Utf8StringSerializerTest() {
        super(SERIALIZER, (read, written) -> assertThat(read).isEqualTo(written));
    }

    @Override
    protected List<String> shapes() {
        return SHAPES;
    }

    @Test
    void shouldWriteAShortStringAsOneLengthByteAndItsUtf8Bytes() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        SERIALIZER.serialize("abc", out);
        SERIALIZER.serialize("é", out);

        assertThat(out.getCopyOfBuffer())
                .containsExactly(4, 'a', 'b', 'c', 3, 0xC3 - 256, 0xA9 - 256);
    }

    @Test
    void shouldKeepReadingAndWritingStateThatFlinksStringSerializerWrote() {
        TypeSerializerSchemaCompatibility<String> compatibility =
                SERIALIZER
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(
                                StringSerializer.INSTANCE.snapshotConfiguration());

        assertThat(compatibility.isCompatibleWithReconfiguredSerializer()).isTrue();
        assertThat(compatibility.getReconfiguredSerializer()).isSameAs(StringSerializer.INSTANCE);
    }

    @Test
    void shouldBeAKeyTypeWhoseSerializerIsThisOne() {
        assertThat(Utf8StringTypeInfo.INSTANCE.isKeyType()).isTrue();
        assertThat(Utf8StringTypeInfo.INSTANCE.getTypeClass()).isEqualTo(String.class);
        assertThat(Utf8StringTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl()))
                .isSameAs(SERIALIZER);
    }
}
