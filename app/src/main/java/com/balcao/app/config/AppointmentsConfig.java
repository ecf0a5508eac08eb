package com.balcao.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Appointments: how often the reminder job looks for tomorrow's bookings, and the approved
 * templates sent when the customer's 24-hour window is closed: the reminder ({{1}} the
 * customer's first name, {{2}} the day and time, {{3}} who they meet), a cancellation (the
 * same three) and a move ({{1}} first name, {{2}} who they meet, {{3}} the new day and time).
 * Fewer variables are fine.
 */
public class AppointmentsConfig {
    @Min(1) @Max(86400) public int reminderSweepSeconds = 300;
    @NotBlank public String reminderTemplate = "lembrete_agendamento";
    @NotBlank public String reminderLanguage = "pt_BR";
    @NotBlank public String cancelledTemplate = "agendamento_cancelado";
    @NotBlank public String movedTemplate = "agendamento_remarcado";
    /** The language of the cancellation and move templates. */
    @NotBlank public String changeLanguage = "pt_BR";
}
