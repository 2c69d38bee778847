package com.bedrockusage.job.qdeveloper;

/**
 * What ingest hands the Q Developer branch: exactly one of a prompt-log event or a user-activity
 * row.
 */
public class QDeveloperRecord {

    public QDeveloperEvent event;
    public QDeveloperActivity activity;

    public QDeveloperRecord() {}

    public static QDeveloperRecord of(QDeveloperEvent event) {
        QDeveloperRecord r = new QDeveloperRecord();
        r.event = event;
        return r;
    }

    public static QDeveloperRecord of(QDeveloperActivity activity) {
        QDeveloperRecord r = new QDeveloperRecord();
        r.activity = activity;
        return r;
    }

    public String userKey() {
        return event != null ? event.userKey() : activity.userKey();
    }

    @Override
    public String toString() {
        return event != null ? event.toString() : "QDeveloperActivity{" + activity.userId + "}";
    }
}
