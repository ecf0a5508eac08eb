package com.balcao.app.conversations;

/**
 * One person, one contact. Brazilian mobiles gained a ninth digit in 2012-2016 and WhatsApp
 * still reports many of them without it ("55 11 8765-4321" for "55 11 9 8765-4321"), so a
 * 12-digit Brazilian mobile is stored with the 9 added. Landlines (first digit 2-5) keep their
 * eight digits; other countries are left alone.
 */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    static String normalise(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return null;
        }
        boolean brazilianMobileWithoutNine = digits.length() == 12 && digits.startsWith("55")
            && digits.charAt(2) != '0' && digits.charAt(3) != '0'
            && "6789".indexOf(digits.charAt(4)) >= 0;
        return brazilianMobileWithoutNine ? digits.substring(0, 4) + "9" + digits.substring(4)
            : digits;
    }

    /** How people write a number: {@code +55 11 98765-4321}; other countries as {@code +digits}. */
    public static String display(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return phone;
        }
        if (digits.startsWith("55") && (digits.length() == 12 || digits.length() == 13)) {
            String local = digits.substring(4);
            int split = local.length() - 4;
            return "+55 " + digits.substring(2, 4) + " " + local.substring(0, split) + "-"
                + local.substring(split);
        }
        return "+" + digits;
    }
}
