package com.balcao.app.bot;

import com.balcao.app.config.RegisterRecordMapper;
import com.balcao.app.departments.Department;
import com.balcao.app.departments.DepartmentDao;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The departments a menu offers, in the order they were created (the tenant's own order). */
interface MenuDepartmentDao {
    @SqlQuery("SELECT " + DepartmentDao.COLUMNS + " FROM departments WHERE active ORDER BY id")
    @RegisterRecordMapper(Department.class)
    List<Department> menu();
}
