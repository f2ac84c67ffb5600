package io.zakka.wire.support;

/** A server that speaks ZooKeeper's client protocol: a real ZooKeeper 3.9.5, or Zakka behind its gateway. */
public interface Target extends AutoCloseable {

    /** "host:port" of the client port. */
    String connectString();

    int port();

    /** The smallest session timeout the server grants, in ms. */
    int minSessionTimeoutMs();

    @Override
    void close();
}
