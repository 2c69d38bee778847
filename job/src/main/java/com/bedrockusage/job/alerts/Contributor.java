package com.bedrockusage.job.alerts;

import java.math.BigDecimal;
import java.util.Objects;

/** A caller (or model) and what it spent in an alert's window. A Flink POJO. */
public class Contributor {

    public String name;
    public BigDecimal costUsd;
    public long invocations;

    public Contributor() {}

    public Contributor(String name, BigDecimal costUsd, long invocations) {
        this.name = name;
        this.costUsd = costUsd;
        this.invocations = invocations;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Contributor)) {
            return false;
        }
        Contributor c = (Contributor) o;
        return invocations == c.invocations
                && Objects.equals(name, c.name)
                && (costUsd == null
                        ? c.costUsd == null
                        : c.costUsd != null && costUsd.compareTo(c.costUsd) == 0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, invocations);
    }

    @Override
    public String toString() {
        return name + "=" + costUsd + "/" + invocations;
    }
}
