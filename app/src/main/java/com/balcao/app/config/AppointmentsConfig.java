package com.balcao.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Appointments: how often the reminder job looks for tomorrow's bookings, and the approved
 * template it sends when the customer's 24-hour window is closed ({{1}} the customer's first
 * name, {{2}} the day and time, {{3}} who they meet; fewer variables are fine).
 */
public class AppointmentsConfig {
    @Min(1) @Max(86400) public int reminderSweepSeconds = 300;
    @NotBlank public String reminderTemplate = "lembrete_agendamento";
    @NotBlank public String reminderLanguage = "pt_BR";
}
