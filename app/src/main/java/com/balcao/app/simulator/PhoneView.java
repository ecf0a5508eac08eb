package com.balcao.app.simulator;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import com.balcao.app.whatsapp.WhatsApp;
import java.util.List;

/** The customer phone page. */
public final class PhoneView extends PageView {
    private final List<WhatsApp.NumberInfo> numbers;
    private final String customer;

    PhoneView(Page page, List<WhatsApp.NumberInfo> numbers, String customer) {
        super("phone.mustache", page, "simulator_title", "simulator");
        this.numbers = numbers;
        this.customer = customer;
    }

    public List<WhatsApp.NumberInfo> getNumbers() {
        return numbers;
    }

    public boolean isNoNumbers() {
        return numbers.isEmpty();
    }

    public String getCustomer() {
        return customer;
    }
}
