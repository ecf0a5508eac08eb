package com.balcao.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void trustsListedAddressesAndRangesOnly() throws Exception {
        TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.1", "172.30.255.0/24",
            "fd00::/8"));

        assertThat(proxies.trusts(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("172.30.255.7"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(proxies.trusts(InetAddress.getByName("172.30.254.7"))).isFalse();
        assertThat(proxies.trusts(InetAddress.getByName("fe80::1"))).isFalse();
    }

    @Test
    void emptyTrustsNobodyAndHostNamesAreRefused() throws Exception {
        assertThat(TrustedProxies.of(List.of()).trusts(InetAddress.getByName("127.0.0.1")))
            .isFalse();
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.example.com")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
