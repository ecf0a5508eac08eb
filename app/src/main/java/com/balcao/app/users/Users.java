package com.balcao.app.users;

import com.balcao.app.auth.Auth;
import com.balcao.app.config.AppConfig;
import com.balcao.app.departments.DepartmentDao;
import io.dropwizard.core.setup.Environment;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The staff feature: admin pages for people, one's own profile, pictures. */
public final class Users {
    private Users() {
    }

    public static UserService register(AppConfig config, Environment environment, Jdbi jdbi,
                                       Auth auth, Clock clock) {
        UserDao users = jdbi.onDemand(UserDao.class);
        DepartmentDao departments = jdbi.onDemand(DepartmentDao.class);
        UserService service = new UserService(users, departments, auth, clock);
        AvatarStore avatars = new AvatarStore(Path.of(config.tenant.dataDir));
        environment.jersey().register(new UsersResource(service, users, departments));
        environment.jersey().register(new ProfileResource(
            new ProfileService(users, service, avatars, auth, clock)));
        return service;
    }
}
