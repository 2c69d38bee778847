package com.bedrockusage.local.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Groups planned records into delivered files: one file per (account, region, folder hour, time
 * slot), split when it would exceed {@link #MAX_RECORDS_PER_FILE}. Late records and re-delivered
 * copies land in the slots the planner chose. Files come out in delivery order (folder hour, slot,
 * account, region).
 */
final class DeliveryLayout {

    static final int MAX_RECORDS_PER_FILE = 1000;
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private record Slot(long folderHour, int slot, String accountId, String region) {}

    private static final Comparator<Slot> DELIVERY_ORDER =
            Comparator.comparingLong(Slot::folderHour)
                    .thenComparingInt(Slot::slot)
                    .thenComparing(Slot::accountId)
                    .thenComparing(Slot::region);

    private DeliveryLayout() {}

    static List<DeliveryFile> layout(List<PlannedRecord> records, GeneratorOptions options) {
        Map<Slot, List<PlannedRecord>> lines = new TreeMap<>(DELIVERY_ORDER);
        Map<Slot, List<PlannedRecord>> payloads = new TreeMap<>(DELIVERY_ORDER);
        for (PlannedRecord r : records) {
            Slot first = new Slot(r.folderHour, r.slot, r.account.id(), r.region);
            lines.computeIfAbsent(first, k -> new ArrayList<>()).add(r);
            if (r.inputOffloaded) {
                payloads.computeIfAbsent(first, k -> new ArrayList<>()).add(r);
            }
            if (r.duplicateFolderHour >= 0) {
                Slot again =
                        new Slot(r.duplicateFolderHour, r.duplicateSlot, r.account.id(), r.region);
                lines.computeIfAbsent(again, k -> new ArrayList<>()).add(r);
            }
        }
        Comparator<PlannedRecord> byTime =
                Comparator.comparingLong((PlannedRecord r) -> r.epochSecond)
                        .thenComparingInt(r -> r.index);
        SplittableRandom names = new SplittableRandom(options.seed() ^ 0x6A09E667F3BCC909L);
        int slotSeconds = options.fileMinutes() * 60;
        List<DeliveryFile> files = new ArrayList<>();
        for (Map.Entry<Slot, List<PlannedRecord>> e : lines.entrySet()) {
            Slot s = e.getKey();
            List<PlannedRecord> inSlot = e.getValue();
            inSlot.sort(byTime);
            List<PlannedRecord> slotPayloads = payloads.getOrDefault(s, List.of());
            String folder = DeliveryFile.folder(s.accountId(), s.region(), s.folderHour());
            // written at the end of its slot, a few seconds early, and still inside the folder's
            // hour
            long slotEnd =
                    Math.min(
                            s.folderHour() * 3600 + (long) (s.slot() + 1) * slotSeconds,
                            (s.folderHour() + 1) * 3600);
            for (int from = 0; from < inSlot.size(); from += MAX_RECORDS_PER_FILE) {
                List<PlannedRecord> part =
                        List.copyOf(
                                inSlot.subList(
                                        from,
                                        Math.min(inSlot.size(), from + MAX_RECORDS_PER_FILE)));
                long millis = (slotEnd - 1 - names.nextInt(30)) * 1000 + names.nextInt(1000);
                String name =
                        NAME_TIME.format(Instant.ofEpochMilli(millis))
                                + "_"
                                + String.format("%016x", names.nextLong())
                                + ".json.gz";
                List<PlannedRecord> filePayloads = from == 0 ? slotPayloads : List.of();
                files.add(
                        new DeliveryFile(
                                folder + name,
                                s.accountId(),
                                s.region(),
                                s.folderHour(),
                                part,
                                List.copyOf(filePayloads)));
            }
        }
        return files;
    }
}
