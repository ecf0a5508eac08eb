package com.balcao.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PricesTest {

    @Test
    void readsPricesAsPeopleTypeThemInBrazil() {
        assertThat(Prices.cents("R$ 4.999,90")).hasValue(499990L);
        assertThat(Prices.cents("49,9")).hasValue(4990L);
        assertThat(Prices.cents("1200")).hasValue(120000L);
        assertThat(Prices.cents("1.200")).hasValue(120000L);
        assertThat(Prices.cents("49.90")).hasValue(4990L);
        assertThat(Prices.cents("  ")).isEmpty();
        assertThat(Prices.cents(null)).isEmpty();
    }

    @Test
    void refusesWhatIsNotAPrice() {
        for (String typed : new String[] {"quarenta", "-10", "1,234", "12,3,4", "1e3"}) {
            assertThatThrownBy(() -> Prices.cents(typed)).as(typed)
                .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
