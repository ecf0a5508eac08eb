package com.balcao.app.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every event the server sends has a row in live.js's routing table, and only those do. */
class LiveRoutesTest {
    private static final Pattern TABLE = Pattern.compile("var ROUTES = \\{(.*?)\\n  };",
        Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("\"([a-z._]+)\":\\s*\\[([^\\]]*)\\]");
    private static final Pattern REFRESH = Pattern.compile("var REFRESH = \\{(.*?)\\n  };",
        Pattern.DOTALL);

    @Test
    void everyServerEventTypeIsRoutedAndEveryRouteNamesAServerEventType() throws IOException {
        Map<String, List<String>> routes = routes(liveJs());

        assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(
            Arrays.stream(EventType.values()).map(EventType::wire).toList());
    }

    @Test
    void routesOnlyNameFragmentsTheScriptKnowsHowToRefresh() throws IOException {
        String script = liveJs();
        Matcher refresh = REFRESH.matcher(script);
        assertThat(refresh.find()).as("live.js has a REFRESH table").isTrue();

        routes(script).forEach((type, fragments) -> fragments.forEach(fragment ->
            assertThat(refresh.group(1)).as(type + " → " + fragment)
                .containsPattern("\\n    " + fragment + ": function")));
        assertThat(routes(script).get("message.created")).contains("inbox", "conv");
        assertThat(routes(script).get("resync")).containsExactly("reload");
    }

    private static Map<String, List<String>> routes(String script) {
        Matcher table = TABLE.matcher(script);
        assertThat(table.find()).as("live.js has a ROUTES table").isTrue();
        Map<String, List<String>> routes = new LinkedHashMap<>();
        Matcher row = ROW.matcher(table.group(1));
        while (row.find()) {
            routes.put(row.group(1), Arrays.stream(row.group(2).split(","))
                .map(name -> name.trim().replace("\"", "")).filter(name -> !name.isEmpty())
                .toList());
        }
        return routes;
    }

    private static String liveJs() throws IOException {
        try (InputStream in = LiveRoutesTest.class.getResourceAsStream("/assets/js/live.js")) {
            assertThat(in).as("live.js on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
