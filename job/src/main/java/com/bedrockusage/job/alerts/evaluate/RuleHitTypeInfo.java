package com.bedrockusage.job.alerts.evaluate;

import com.bedrockusage.job.state.ExplicitTypeInfo;
import com.bedrockusage.job.state.ExplicitTypeInfoFactory;

/** {@link RuleHit} with {@link RuleHitSerializer}; attached to the class by {@code @TypeInfo}. */
public final class RuleHitTypeInfo extends ExplicitTypeInfo<RuleHit> {

    private static final long serialVersionUID = 1L;
    public static final RuleHitTypeInfo INSTANCE = new RuleHitTypeInfo();

    private RuleHitTypeInfo() {
        super(RuleHit.class, RuleHitSerializer.INSTANCE, false);
    }

    /** What {@code TypeInformation.of(RuleHit.class)} consults. */
    public static final class Factory extends ExplicitTypeInfoFactory<RuleHit> {
        public Factory() {
            super(INSTANCE);
        }
    }
}
