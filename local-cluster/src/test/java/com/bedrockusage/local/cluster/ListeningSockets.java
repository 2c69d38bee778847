package com.bedrockusage.local.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process of this machine listens on, read from /proc (no traffic is sent
 * anywhere): its socket inodes from /proc/PID/fd, matched against the LISTEN rows of /proc/net/tcp
 * and /proc/net/tcp6.
 */
public final class ListeningSockets {

    /** One listening socket: its local address as /proc shows it, decoded, and its port. */
    public record Socket(String address, int port, boolean loopback) {
        @Override
        public String toString() {
            return address + ":" + port;
        }
    }

    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    public static boolean supported() {
        return Files.isReadable(Path.of("/proc/net/tcp"))
                && Files.isDirectory(Path.of("/proc/self/fd"));
    }

    public static List<Socket> of(long pid) {
        Set<String> inodes = socketInodes(pid);
        List<Socket> out = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String[] row : rows(Path.of(table))) {
                if (row[3].equals(LISTEN) && inodes.contains(row[9])) {
                    out.add(decode(row[1]));
                }
            }
        }
        return out;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    private static List<String[]> rows(Path table) {
        List<String[]> out = new ArrayList<>();
        if (!Files.isReadable(table)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                out.add(line.trim().split("\\s+"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * "0100007F:1F90" (IPv4, little-endian) or 32 hex digits of four little-endian words (IPv6),
     * then the port.
     */
    static Socket decode(String local) {
        String[] parts = local.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String hex = parts[0];
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        boolean loopback;
        String address;
        if (bytes.length == 4) {
            loopback = (bytes[0] & 0xff) == 127;
            address =
                    (bytes[0] & 0xff)
                            + "."
                            + (bytes[1] & 0xff)
                            + "."
                            + (bytes[2] & 0xff)
                            + "."
                            + (bytes[3] & 0xff);
        } else {
            boolean v4Mapped =
                    isZero(bytes, 0, 10)
                            && (bytes[10] & 0xff) == 0xff
                            && (bytes[11] & 0xff) == 0xff;
            boolean v6Loopback = isZero(bytes, 0, 15) && bytes[15] == 1;
            loopback = v6Loopback || (v4Mapped && (bytes[12] & 0xff) == 127);
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < 16; i += 2) {
                sb.append(i == 0 ? "" : ":")
                        .append(
                                Integer.toHexString(
                                        ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
            }
            address = sb.append(']').toString();
        }
        return new Socket(address, port, loopback);
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
