package com.balcao.app.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contacts page's query string read as a person would mean it. */
class ContactsSearchTest {

    @Test
    void aPhoneTypedAnyWaySearchesItsDigitsAndWildcardsAreTakenLiterally() {
        ContactSearch phone = ContactSearch.of(" +55 (11) 98765-4321 ", null, null, null);
        ContactSearch wildcards = ContactSearch.of("50%_off\\", null, null, null);

        assertThat(phone.digitsPattern()).isEqualTo("%5511987654321%");
        assertThat(phone.likePattern()).isEqualTo("%+55 (11) 98765-4321%");
        assertThat(wildcards.likePattern()).isEqualTo("%50\\%\\_off\\\\%");
        assertThat(ContactSearch.of("Ana 12", null, null, null).digitsPattern()).isNull();
    }

    @Test
    void lastContactCountsDaysBackAndNeverMeansNoConversation() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");

        assertThat(ContactSearch.of(null, null, "30", null).since(now))
            .isEqualTo(Instant.parse("2026-10-31T12:00:00Z"));
        assertThat(ContactSearch.of(null, null, "never", null).since(now)).isNull();
        assertThat(ContactSearch.of(null, null, "never", null).never()).isTrue();
        assertThat(ContactSearch.of(null, null, "", "").filtered()).isFalse();
    }

    @Test
    void whatCannotBeReadIsDroppedAndNamed() {
        ContactSearch bad = ContactSearch.of("x".repeat(101), "VIP", "365", "-2");

        assertThat(bad.problems()).containsExactly("contacts_search_too_long",
            "contacts_label_invalid", "contacts_last_invalid", "contacts_page_invalid");
        assertThat(bad.text()).isNull();
        assertThat(bad.labelId()).isNull();
        assertThat(bad.last()).isNull();
        assertThat(bad.page()).isEqualTo(1);
        assertThat(bad.filtered()).isFalse();
    }

    @Test
    void thePagerKeepsTheSearch() {
        assertThat(ContactSearch.of("maria souza", "7", "90", "3").query(4))
            .isEqualTo("q=maria+souza&label=7&last=90&page=4");
        assertThat(ContactSearch.of(null, null, null, "3").offset()).isEqualTo(100);
    }
}
