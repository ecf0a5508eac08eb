package com.balcao.app.users;

import com.balcao.app.auth.Auth;
import com.balcao.app.auth.PasswordHasher;
import com.balcao.app.auth.PasswordResets;
import com.balcao.app.auth.Role;
import com.balcao.app.departments.Department;
import com.balcao.app.departments.DepartmentDao;
import com.balcao.app.web.AppException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Staff administration: creating and editing people, their role, departments and capacity,
 * switching accounts on and off, and one's own password.
 */
public final class UserService {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private final UserDao users;
    private final DepartmentDao departments;
    private final Auth auth;
    private final NewAccount accounts;
    private final Clock clock;

    public UserService(UserDao users, DepartmentDao departments, Auth auth, Clock clock) {
        this.users = users;
        this.departments = departments;
        this.auth = auth;
        this.accounts = new NewAccount(users, auth.hasher(), clock);
        this.clock = clock;
    }

    /** One page of the staff list with each person's department names. */
    record Listing(List<User> users, Map<Long, List<String>> departmentNames, boolean hasNext) {
    }

    Listing list(int pageNumber, int pageSize) {
        int number = Math.max(1, pageNumber);
        List<User> found = users.list(pageSize + 1, (number - 1) * pageSize);
        List<User> shown = found.stream().limit(pageSize).toList();
        Map<Long, String> names = departments.all().stream()
            .collect(Collectors.toMap(Department::id, Department::name));
        Map<Long, List<String>> byUser = new HashMap<>();
        if (!shown.isEmpty()) {
            for (UserDao.Membership membership : users.memberships(
                shown.stream().map(User::id).toList())) {
                byUser.computeIfAbsent(membership.userId(), id -> new ArrayList<>())
                    .add(names.getOrDefault(membership.departmentId(), "?"));
            }
        }
        return new Listing(shown, byUser, found.size() > pageSize);
    }

    /** Message keys of what is wrong with the form; empty when it can be saved. */
    List<String> problems(UserForm form, Optional<Long> editing) {
        List<String> problems = new ArrayList<>();
        if (form.cleanName().isEmpty() || form.cleanName().length() > 120) {
            problems.add("user_name_invalid");
        }
        String email = form.cleanEmail();
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            problems.add("user_email_invalid");
        } else if (users.findByEmail(email)
            .filter(found -> editing.map(id -> id != found.id()).orElse(true)).isPresent()) {
            problems.add("user_email_taken");
        }
        if (form.parsedRole().isEmpty()) {
            problems.add("user_role_invalid");
        }
        if (form.capacity() < 0 || form.capacity() > 100) {
            problems.add("user_capacity_invalid");
        }
        Set<Long> known = departments.all().stream().map(Department::id).collect(Collectors.toSet());
        if (!known.containsAll(form.departments())) {
            problems.add("user_departments_invalid");
        }
        if (editing.isEmpty() && form.hasPassword() && !PasswordHasher.acceptable(form.password())) {
            problems.add("user_password_too_short");
        }
        return problems;
    }

    NewAccount.Created create(UserForm form) {
        return accounts.create(form.cleanName(), form.cleanEmail(), form.parsedRole().orElseThrow(),
            form.capacity(), form.departments(), form.password());
    }

    void update(long id, UserForm form) {
        User user = find(id);
        Role role = form.parsedRole().orElseThrow();
        if (user.role() == Role.ADMIN && role != Role.ADMIN) {
            guardLastAdmin(user);
        }
        users.updateProfile(id, form.cleanName(), form.cleanEmail(), role, form.capacity(),
            clock.instant());
        users.replaceDepartments(id, form.departments());
    }

    /** Switches an account on or off; switching off ends all of its sessions at once. */
    void setActive(long id, boolean active, long actorId) {
        User user = find(id);
        if (!active) {
            if (id == actorId) {
                throw new AppException(Response.Status.CONFLICT, "cannot_deactivate_self",
                    "user_cannot_deactivate_self");
            }
            guardLastAdmin(user);
        }
        users.setActive(id, active, clock.instant());
        if (!active) {
            auth.signOutEverywhere(id);
        }
    }

    PasswordResets.Grant forceReset(long id, long actorId) {
        User user = find(id);
        return auth.resets().force(user, actorId);
    }

    /** Changes one's own password after checking the current one; other sessions end. */
    boolean changeOwnPassword(long id, String current, String replacement) {
        User user = find(id);
        if (!auth.hasher().verify(current, user.passwordHash())) {
            return false;
        }
        users.setPassword(id, auth.hasher().hash(replacement), false, clock.instant());
        return true;
    }

    User find(long id) {
        return users.findById(id).orElseThrow(NotFoundException::new);
    }

    private void guardLastAdmin(User user) {
        if (user.role() == Role.ADMIN && user.active() && users.countActiveAdmins() <= 1) {
            throw new AppException(Response.Status.CONFLICT, "last_admin", "user_last_admin");
        }
    }
}
