package com.bedrockusage.local.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bedrockusage.local.cluster.ListeningSockets;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.Test;

/**
 * run-local's embedded cluster: the web UI and every other server it opens listen on 127.0.0.1
 * only.
 */
class EmbeddedClusterLoopbackTest {

    @Test
    void shouldConfigureEveryServerOnLoopback() {
        Configuration conf = RunLocal.clusterConfiguration(18081, 2);
        assertThat(conf.get(RestOptions.BIND_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(conf.get(RestOptions.ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(conf.get(JobManagerOptions.BIND_HOST)).isEqualTo("127.0.0.1");
        assertThat(conf.get(TaskManagerOptions.BIND_HOST)).isEqualTo("127.0.0.1");
        assertThat(conf.get(TaskManagerOptions.HOST)).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldOpenNoSocketBeyondLoopback() throws Exception {
        assumeTrue(ListeningSockets.supported(), "needs /proc");
        long self = ProcessHandle.current().pid();
        Set<String> before = new HashSet<>();
        ListeningSockets.of(self).forEach(s -> before.add(s.toString()));

        Configuration conf = RunLocal.clusterConfiguration(freePort(), 1);
        try (MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(1)
                                .build())) {
            cluster.start();
            List<ListeningSockets.Socket> opened = new ArrayList<>();
            for (ListeningSockets.Socket s : ListeningSockets.of(self)) {
                if (!before.contains(s.toString())) {
                    opened.add(s);
                }
            }
            assertThat(opened)
                    .extracting(ListeningSockets.Socket::port)
                    .contains(conf.get(RestOptions.PORT));
            assertThat(opened)
                    .as("sockets the embedded cluster opened")
                    .allMatch(ListeningSockets.Socket::loopback);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
