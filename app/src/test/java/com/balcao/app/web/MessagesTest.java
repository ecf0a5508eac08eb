package com.balcao.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyTextExistsInBothLanguages() {
        assertThat(Messages.of(Messages.EN).all().keySet())
            .containsExactlyInAnyOrderElementsOf(Messages.of(Messages.PT_BR).all().keySet());
    }

    @Test
    void everyTextATemplateNamesExists() throws IOException {
        Pattern key = Pattern.compile("\\{\\{[#^/]?t\\.([A-Za-z0-9_]+)");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".mustache")).toList()) {
                Matcher found = key.matcher(Files.readString(file));
                while (found.find()) {
                    for (String language : List.of(Messages.PT_BR, Messages.EN)) {
                        if (!Messages.of(language).all().containsKey(found.group(1))) {
                            missing.add(language + " " + file.getFileName() + " " + found.group(1));
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void portugueseIsTheDefaultAndArgumentsAreFilled() {
        assertThat(Messages.of("fr").languageTag()).isEqualTo(Messages.PT_BR);
        assertThat(Messages.of(Messages.PT_BR).get("login_locked", "10:15"))
            .isEqualTo("Conta temporariamente bloqueada após várias tentativas sem sucesso. "
                + "Tente novamente depois das 10:15.");
        assertThat(Messages.of(Messages.EN).get("login_invalid"))
            .isEqualTo("Wrong e-mail or password.");
    }
}
