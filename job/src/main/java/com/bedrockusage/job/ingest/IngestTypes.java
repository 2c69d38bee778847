package com.bedrockusage.job.ingest;

import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.model.RejectedRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Explicit type information for what ingest produces (all POJOs: no Kryo). */
public final class IngestTypes {

    public static final TypeInformation<IngestRecord> INGEST_RECORD =
            TypeInformation.of(IngestRecord.class);
    public static final TypeInformation<Invocation> INVOCATION =
            TypeInformation.of(Invocation.class);
    public static final TypeInformation<RejectedRecord> REJECTED_RECORD =
            TypeInformation.of(RejectedRecord.class);

    private IngestTypes() {}
}
