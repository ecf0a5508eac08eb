package com.balcao.app.contacts;

import com.balcao.app.labels.Label;
import java.util.List;
import java.util.Map;

/** One page of the contacts list, the search that made it, and every label for the filter. */
record ContactList(ContactSearch search, List<ContactDirectoryDao.Listed> rows,
                   Map<Long, List<ContactDirectoryDao.ContactLabel>> labels, long total,
                   List<Label> allLabels) {

    int pages() {
        return (int) Math.max(1, (total + ContactSearch.PAGE_SIZE - 1) / ContactSearch.PAGE_SIZE);
    }
}
