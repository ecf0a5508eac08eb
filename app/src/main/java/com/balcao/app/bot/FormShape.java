package com.balcao.app.bot;

import java.util.HashSet;
import java.util.Set;

/** The editor's add/remove buttons: they change the form's shape; nothing is published. */
final class FormShape {
    private FormShape() {
    }

    /** {@code addState}, {@code removeState:i}, {@code addOption:i}, {@code removeOption:i:k}. */
    static void apply(FlowForm form, String action) {
        String[] parts = action.split(":");
        int state = parts.length > 1 ? index(parts[1]) : -1;
        switch (parts[0]) {
            case "addState" -> form.states.add(newState(form));
            case "removeState" -> {
                if (state >= 0 && state < form.states.size()) {
                    form.states.remove(state);
                }
            }
            case "addOption" -> {
                if (state >= 0 && state < form.states.size()) {
                    form.states.get(state).options.add(new FlowForm.OptionForm());
                }
            }
            case "removeOption" -> {
                int option = parts.length > 2 ? index(parts[2]) : -1;
                if (state >= 0 && state < form.states.size() && option >= 0
                    && option < form.states.get(state).options.size()) {
                    form.states.get(state).options.remove(option);
                }
            }
            default -> {
                // an unknown button changes nothing: the form is shown again as typed
            }
        }
    }

    private static FlowForm.StateForm newState(FlowForm form) {
        Set<String> ids = new HashSet<>();
        form.states.forEach(s -> ids.add(s.id));
        int n = form.states.size() + 1;
        while (ids.contains("etapa_" + n)) {
            n++;
        }
        FlowForm.StateForm state = new FlowForm.StateForm();
        state.id = "etapa_" + n;
        state.title = "Nova etapa";
        state.options.add(new FlowForm.OptionForm());
        return state;
    }

    private static int index(String typed) {
        return typed.matches("\\d{1,3}") ? Integer.parseInt(typed) : -1;
    }
}
