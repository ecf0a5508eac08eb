package com.balcao.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the inbox's search box and filters turn into. */
class InboxFilterTest {

    static InboxFilter search(String text) {
        return InboxFilter.of("all", null, null, null, null, text, null, null);
    }

    @Test
    void wordsBecomeRequiredPrefixesAndOperatorsAreDropped() {
        assertThat(search("  prazo  de ENTREGA-rápida +x* \"<script>\" ").fullTextQuery())
            .isEqualTo("+prazo* +ENTREGA* +rápida* +script*");
        assertThat(search("prazo").searchCondition()).isEqualTo(InboxDao.SEARCH_WORDS);
    }

    @Test
    void onlyShortFragmentsAreScannedWithLike() {
        assertThat(search("G8 12").fullTextQuery()).isNull();
        assertThat(search("G8 12").searchCondition()).isEqualTo(InboxDao.SEARCH_FRAGMENT);
        assertThat(search("50%_\\").likePattern()).isEqualTo("%50\\%\\_\\\\%");
        assertThat(search("   ").searchCondition()).isEqualTo(InboxDao.SEARCH_NONE);
    }

    @Test
    void mangledParametersFallBackToTheFirstPageOfMine() {
        InboxFilter filter = InboxFilter.of("drop table", "x", "1;2", "ana", "yes", null,
            "99999", "");
        assertThat(filter.tab()).isEqualTo(InboxTab.MINE);
        assertThat(filter.departmentId()).isNull();
        assertThat(filter.labelId()).isNull();
        assertThat(filter.personId()).isNull();
        assertThat(filter.limit()).isEqualTo(InboxFilter.MAX);
        assertThat(filter.open()).isNull();
        assertThat(filter.queryString()).isEqualTo("tab=mine&limit=300");
    }
}
