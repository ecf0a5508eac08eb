package com.balcao.app.users;

import com.balcao.app.auth.LoginService;
import com.balcao.app.auth.Role;
import java.util.List;
import java.util.Optional;

/** What the staff form posts, tidied for checking and saving. */
record UserForm(String name, String email, String role, String maxConcurrent,
                List<Long> departmentIds, String password) {

    static UserForm of(User user, List<Long> departmentIds) {
        return new UserForm(user.name(), user.email(), user.role().name(),
            Integer.toString(user.maxConcurrent()), departmentIds, "");
    }

    static UserForm empty() {
        return new UserForm("", "", Role.AGENT.name(), "5", List.of(), "");
    }

    String cleanName() {
        return name == null ? "" : name.trim();
    }

    String cleanEmail() {
        return LoginService.normalise(email);
    }

    Optional<Role> parsedRole() {
        try {
            return Optional.of(Role.valueOf(role == null ? "" : role));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The capacity, or -1 when it is not a number. */
    int capacity() {
        try {
            return Integer.parseInt(maxConcurrent == null ? "" : maxConcurrent.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    List<Long> departments() {
        return departmentIds == null ? List.of() : departmentIds.stream().distinct().toList();
    }

    boolean hasPassword() {
        return password != null && !password.isEmpty();
    }
}
