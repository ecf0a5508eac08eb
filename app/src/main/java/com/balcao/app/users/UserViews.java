package com.balcao.app.users;

import com.balcao.app.auth.PasswordResets;
import com.balcao.app.auth.Role;
import com.balcao.app.departments.Department;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The staff admin pages. */
final class UserViews {
    private UserViews() {
    }

    /** One person in the list, formatted for display. */
    record Row(long id, String name, String email, String role, boolean active, int maxConcurrent,
               String departments, String lastLogin) {
    }

    /** A choice in a select or checkbox list. */
    record Option(String value, String label, boolean selected) {
    }

    static final class ListView extends PageView {
        private final List<Row> users;
        private final int pageNumber;
        private final boolean hasNext;

        ListView(Page page, List<Row> users, int pageNumber, boolean hasNext) {
            super("users.mustache", page, "users_title", "users");
            this.users = users;
            this.pageNumber = pageNumber;
            this.hasNext = hasNext;
        }

        public List<Row> getUsers() {
            return users;
        }

        public boolean isHasPrevious() {
            return pageNumber > 1;
        }

        public boolean isHasNext() {
            return hasNext;
        }

        public int getPreviousPage() {
            return pageNumber - 1;
        }

        public int getNextPage() {
            return pageNumber + 1;
        }

        public int getPageNumber() {
            return pageNumber;
        }
    }

    /** Create or edit someone. */
    static final class FormView extends PageView {
        private final Long id;
        private final boolean active;
        private final UserForm form;
        private final List<Option> roles;
        private final List<Option> departments;
        private final List<String> problems;

        FormView(Page page, Long id, boolean active, UserForm form, List<Department> all,
                 List<String> problems) {
            super("user-form.mustache", page, id == null ? "user_new_title" : "user_edit_title",
                "users");
            this.id = id;
            this.active = active;
            this.form = form;
            Set<Long> chosen = Set.copyOf(form.departments());
            this.roles = Arrays.stream(Role.values())
                .map(role -> new Option(role.name(), page.text("role_" + role.name().toLowerCase()),
                    role.name().equals(form.role()))).toList();
            this.departments = all.stream().map(department -> new Option(
                Long.toString(department.id()), department.name(),
                chosen.contains(department.id()))).toList();
            this.problems = problems.stream().map(page::text).toList();
        }

        public Long getId() {
            return id;
        }

        public boolean isEditing() {
            return id != null;
        }

        public boolean isActive() {
            return active;
        }

        public String getAction() {
            return id == null ? "/admin/users" : "/admin/users/" + id;
        }

        public UserForm getForm() {
            return form;
        }

        public List<Option> getRoles() {
            return roles;
        }

        public List<Option> getDepartments() {
            return departments;
        }

        public List<String> getProblems() {
            return problems;
        }
    }

    /** A password shown once: generated at creation, or a forced reset's code. */
    static final class SecretView extends PageView {
        private final String personName;
        private final String email;
        private final String secret;
        private final String expiresAt;
        private final boolean resetCode;

        SecretView(Page page, String personName, String email, String secret, String expiresAt,
                   boolean resetCode) {
            super("user-secret.mustache", page, "user_secret_title", "users");
            this.personName = personName;
            this.email = email;
            this.secret = secret;
            this.expiresAt = expiresAt;
            this.resetCode = resetCode;
        }

        static SecretView of(Page page, PasswordResets.Grant grant) {
            return new SecretView(page, grant.userName(), grant.userEmail(), grant.code(),
                page.formatTime(grant.expiresAt()), true);
        }

        public String getPersonName() {
            return personName;
        }

        public String getEmail() {
            return email;
        }

        public String getSecret() {
            return secret;
        }

        public String getExpiresAt() {
            return expiresAt;
        }

        public boolean isResetCode() {
            return resetCode;
        }
    }

    static List<Row> rows(Page page, UserService.Listing listing) {
        return listing.users().stream().map(user -> new Row(user.id(), user.name(), user.email(),
            page.text("role_" + user.role().name().toLowerCase()), user.active(),
            user.maxConcurrent(), String.join(", ", listing.departmentNames()
                .getOrDefault(user.id(), List.of()).stream().sorted().toList()),
            page.formatTime(user.lastLoginAt()))).toList();
    }
}
