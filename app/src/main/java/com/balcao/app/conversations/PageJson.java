package com.balcao.app.conversations;

import java.util.List;

/** A page of the API: the items and the cursor of the next page (null on the last one). */
public record PageJson<T>(List<T> items, String nextCursor) {
}
