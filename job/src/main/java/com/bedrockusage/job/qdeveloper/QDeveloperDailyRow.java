package com.bedrockusage.job.qdeveloper;

/** A row of {@code q_developer_usage_daily}: a user's day, as it stands. A Flink POJO. */
public class QDeveloperDailyRow {

    public long dayStart;
    public String accountId;
    public String userId;
    public UserDay day;

    public QDeveloperDailyRow() {}

    QDeveloperDailyRow(long dayStart, String accountId, String userId, UserDay day) {
        this.dayStart = dayStart;
        this.accountId = accountId;
        this.userId = userId;
        this.day = day;
    }
}
