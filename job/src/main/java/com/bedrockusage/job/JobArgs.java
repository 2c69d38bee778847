package com.bedrockusage.job;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import com.bedrockusage.job.config.ConfigException;
import com.bedrockusage.job.config.ConfigKeys;
import com.bedrockusage.job.config.PropertyGroups;
import java.io.File;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;

/**
 * Command-line arguments. On MSF there are none and the settings come from the application's
 * runtime properties. Locally: {@code --config FILE} (the same groups as JSON), named flags, then
 * {@code --set}.
 */
public final class JobArgs {

    static final String MSF_PROPERTIES_FILE = "/etc/flink/application_properties.json";

    /**
     * True when this process owns parallelism and checkpointing (local runs); MSF owns them
     * otherwise.
     */
    public final boolean local;

    public final PropertyGroups settings;

    private JobArgs(boolean local, PropertyGroups settings) {
        this.local = local;
        this.settings = settings;
    }

    public static JobArgs parse(String[] args) {
        boolean local = false;
        PropertyGroups base = PropertyGroups.empty();
        PropertyGroups flags = PropertyGroups.empty();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--local":
                    local = true;
                    break;
                case "--bounded":
                    flags.set(ConfigKeys.S3_MODE.fullName(), "bounded");
                    break;
                case "--config":
                    base = PropertyGroups.fromJsonFile(Paths.get(value(args, ++i, a)));
                    break;
                case "--logs":
                    flags.set(ConfigKeys.S3_PATH.fullName(), location(value(args, ++i, a)));
                    break;
                case "--warehouse":
                    flags.set(
                            ConfigKeys.ICEBERG_WAREHOUSE.fullName(), location(value(args, ++i, a)));
                    break;
                case "--pricing":
                    flags.set(ConfigKeys.PRICING_CATALOG.fullName(), value(args, ++i, a));
                    break;
                case "--rules":
                    flags.set(ConfigKeys.ALERTS_RULES.fullName(), value(args, ++i, a));
                    break;
                case "--set":
                    flags.set(value(args, ++i, a));
                    break;
                default:
                    if (a.startsWith("--set=")) {
                        flags.set(a.substring("--set=".length()));
                    } else {
                        throw new ConfigException(
                                "unknown argument '"
                                        + a
                                        + "'. Use --local, --bounded, --config FILE, "
                                        + "--logs DIR, --warehouse DIR, --pricing FILE, --rules FILE or --set group.key=value");
                    }
            }
        }
        if (!local && new File(MSF_PROPERTIES_FILE).isFile()) {
            base = msfRuntimeProperties().overlay(base);
        }
        return new JobArgs(local, base.overlay(flags));
    }

    private static PropertyGroups msfRuntimeProperties() {
        try {
            Map<String, Properties> groups = KinesisAnalyticsRuntime.getApplicationProperties();
            return PropertyGroups.fromGroups(groups);
        } catch (IOException e) {
            throw new ConfigException(
                    "cannot read the MSF runtime properties: " + e.getMessage(), e);
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new ConfigException(flag + " needs a value");
        }
        return args[i];
    }

    /** A plain local path becomes an absolute file:// URI; URIs pass through. */
    static String location(String pathOrUri) {
        if (pathOrUri.contains("://")) {
            return pathOrUri;
        }
        return Paths.get(pathOrUri).toAbsolutePath().normalize().toUri().toString();
    }
}
