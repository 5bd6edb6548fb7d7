package io.drillboard.server;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.drillboard.config.ServerConfig;
import io.drillboard.runtime.Drills;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Hazelcast member under a node's clustered event bus: vert.x's own defaults (the maps it needs), TCP/IP joining
 * on the given address, and failure detection short enough for a takeover within seconds. An operator's own file
 * replaces all of it.
 */
final class HazelcastSetup {
  static final String CLUSTER_NAME = "drillboard";
  /** The member attribute in which vertx-hazelcast keeps the node's event-bus id (not the member's own UUID). */
  private static final String VERTX_NODE_ID = "__vertx.nodeId";

  private HazelcastSetup() {
  }

  static HazelcastClusterManager manager(ServerConfig.Cluster cluster) {
    return new HazelcastClusterManager(config(cluster));
  }

  static Config config(ServerConfig.Cluster cluster) {
    return cluster.hazelcastConfig().map(HazelcastSetup::load).orElseGet(() -> tcpIp(cluster));
  }

  private static Config tcpIp(ServerConfig.Cluster cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(CLUSTER_NAME);
    // A dead member is noticed in about 5 s instead of 60 s; its event bus addresses go with it.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // The server's shutdown hook closes vert.x, which leaves the cluster; Hazelcast's own hook would race it.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.local.localAddress", cluster.host());
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    List<String> members = new ArrayList<>(cluster.members());
    members.add(cluster.host() + ":" + cluster.port());
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return config;
  }

  /**
   * Tells this node's senders, through {@link Drills#NODE_LEFT}, of each member that leaves, so that requests still
   * waiting on it fail at once instead of waiting out their timeout.
   */
  static void announceDepartures(HazelcastClusterManager manager, Vertx vertx) {
    manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        // a newcomer changes nothing for requests in flight
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        // A member that left before vert.x named it had no drills; its UUID still opens the grace period.
        vertx.eventBus().publish(Drills.NODE_LEFT, Objects.requireNonNullElse(
            event.getMember().getAttribute(VERTX_NODE_ID), event.getMember().getUuid().toString()));
      }
    });
  }

  private static Config load(Path file) {
    try {
      return Config.loadFromFile(file.toFile());
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("no Hazelcast configuration at " + file, e);
    }
  }
}
