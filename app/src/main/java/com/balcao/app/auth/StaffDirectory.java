package com.balcao.app.auth;

import com.balcao.app.users.User;
import com.balcao.app.users.UserDao;
import java.util.Optional;

/** Turns a stored user into the {@link Staff} principal of a request, if still active. */
public final class StaffDirectory {
    private final UserDao users;

    public StaffDirectory(UserDao users) {
        this.users = users;
    }

    public Optional<Staff> findActive(long userId) {
        return users.findById(userId).filter(User::active).map(this::toStaff);
    }

    public Staff toStaff(User user) {
        return new Staff(user.id(), user.email(), user.name(), user.role(), user.locale(),
            users.departmentIds(user.id()));
    }
}
