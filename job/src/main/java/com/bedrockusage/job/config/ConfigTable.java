package com.bedrockusage.job.config;

/**
 * Prints the README's configuration table from {@link ConfigKeys}, so the docs cannot drift from
 * the code.
 */
public final class ConfigTable {

    private ConfigTable() {}

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Group | Key | Default | Description |\n");
        sb.append("|---|---|---|---|\n");
        for (ConfigKey k : ConfigKeys.all()) {
            sb.append("| `")
                    .append(k.group())
                    .append("` | `")
                    .append(k.key())
                    .append("` | ")
                    .append(
                            k.defaultValue().isEmpty()
                                    ? ""
                                    : "`" + k.defaultValue().replace("|", "\\|") + "`")
                    .append(" | ")
                    .append(k.localOnly() ? "(local runs only) " : "")
                    .append(k.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
