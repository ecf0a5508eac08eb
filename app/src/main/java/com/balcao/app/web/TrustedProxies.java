package com.balcao.app.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The reverse proxies whose forwarding headers are believed: single addresses or CIDR ranges,
 * IPv4 or IPv6 ({@code 127.0.0.1}, {@code 172.30.255.0/24}, {@code fd00::/8}). Literal
 * addresses only, so reading the list never asks DNS.
 */
public final class TrustedProxies {
    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Parses the list; a malformed entry stops the app at start rather than trust too much. */
    public static TrustedProxies of(List<String> entries) {
        return new TrustedProxies(entries.stream().map(TrustedProxies::range).toList());
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(SocketAddress peer) {
        return peer instanceof InetSocketAddress socket && socket.getAddress() != null
            && trusts(socket.getAddress());
    }

    public boolean trusts(InetAddress address) {
        byte[] bytes = address.getAddress();
        return ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static Range range(String entry) {
        String[] parts = entry.trim().split("/", 2);
        if (!parts[0].matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("Not an IP address or CIDR range: " + entry);
        }
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int prefix = parts.length == 1 ? network.length * 8 : Integer.parseInt(parts[1]);
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + entry);
            }
            return new Range(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("Not an IP address or CIDR range: " + entry, e);
        }
    }
}
