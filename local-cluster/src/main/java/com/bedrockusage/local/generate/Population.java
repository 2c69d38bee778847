package com.bedrockusage.local.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** The accounts, regions and callers that make the calls, derived from the seed. */
final class Population {

    static final List<String> REGIONS =
            List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1");
    private static final int[] REGION_WEIGHTS = {5, 3, 2, 1, 2};

    /** Applications following the {@code {App}-BedrockRole} naming convention. */
    static final List<String> APPS =
            List.of("ChatbotApp", "SearchApp", "SummarizerApp", "SupportAgent", "CodeReview");

    static final List<String> USERS = List.of("alice", "bob", "carol", "ci-deploy");

    /**
     * One account with the regions it uses and its callers (role sessions weigh more than users).
     */
    record Account(String id, List<String> regions, List<String> callerArns, int[] callerWeights) {}

    final List<Account> accounts;

    Population(long seed, int accountCount) {
        SplittableRandom rng = new SplittableRandom(seed * 31 + 7);
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < accountCount) {
            ids.add(Long.toString(100_000_000_000L + rng.nextLong(900_000_000_000L)));
        }
        List<Account> list = new ArrayList<>();
        for (String id : ids) {
            list.add(account(rng, id));
        }
        this.accounts = List.copyOf(list);
    }

    private static Account account(SplittableRandom rng, String id) {
        Set<String> regions = new LinkedHashSet<>();
        regions.add("us-east-1");
        int extra = 1 + rng.nextInt(3);
        while (regions.size() < 1 + extra) {
            regions.add(REGIONS.get(1 + rng.nextInt(REGIONS.size() - 1)));
        }
        List<String> arns = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        List<String> apps = new ArrayList<>(APPS);
        int appCount = 2 + rng.nextInt(APPS.size() - 1);
        for (int i = 0; i < appCount; i++) {
            String app = apps.remove(rng.nextInt(apps.size()));
            int sessions = 1 + rng.nextInt(3);
            for (int s = 0; s < sessions; s++) {
                arns.add(
                        "arn:aws:sts::"
                                + id
                                + ":assumed-role/"
                                + app
                                + "-BedrockRole/session-"
                                + Long.toHexString(0x1000_0000L + rng.nextLong(0xEFFF_FFFFL)));
                weights.add(6);
            }
        }
        List<String> users = new ArrayList<>(USERS);
        int userCount = 1 + rng.nextInt(USERS.size());
        for (int i = 0; i < userCount; i++) {
            arns.add("arn:aws:iam::" + id + ":user/" + users.remove(rng.nextInt(users.size())));
            weights.add(2);
        }
        return new Account(
                id,
                List.copyOf(regions),
                List.copyOf(arns),
                weights.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A region of the account, weighted towards the busier regions. */
    static String pickRegion(SplittableRandom rng, Account account) {
        int total = 0;
        for (String r : account.regions()) {
            total += REGION_WEIGHTS[REGIONS.indexOf(r)];
        }
        int w = rng.nextInt(total);
        for (String r : account.regions()) {
            w -= REGION_WEIGHTS[REGIONS.indexOf(r)];
            if (w < 0) {
                return r;
            }
        }
        return account.regions().get(0);
    }

    static String pickCaller(SplittableRandom rng, Account account) {
        int total = 0;
        for (int w : account.callerWeights()) {
            total += w;
        }
        int w = rng.nextInt(total);
        for (int i = 0; i < account.callerWeights().length; i++) {
            w -= account.callerWeights()[i];
            if (w < 0) {
                return account.callerArns().get(i);
            }
        }
        return account.callerArns().get(0);
    }
}
