package com.balcao.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balcao.app.support.TestDatabase;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigCustomizer;
import org.jdbi.v3.core.extension.ConfigCustomizerFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LazySqlObjectsIntegrationTest {
    static final TestDatabase DB = TestDatabase.createEmpty();
    static final List<String> BUILT = new ArrayList<>();
    static Jdbi jdbi;

    public record Note(long id, String body) {
    }

    @RegisterConstructorMapper(Note.class)
    public interface NoteDao {
        @SqlUpdate("INSERT INTO notes (body) VALUES (:body)")
        void add(@Bind("body") String body);

        @SqlQuery("SELECT id, body FROM notes ORDER BY id")
        List<Note> all();

        @SqlQuery("SELECT COUNT(*) FROM notes")
        int count();

        @SqlUpdate("DELETE FROM notes")
        int clear();

        /** Both or neither. */
        @Transaction
        default void addPair(String first, String second) {
            add(first);
            add(second);
        }
    }

    @BeforeAll
    static void create() {
        jdbi = Databases.configure(Jdbi.create(DB.url(), TestDatabase.USER,
            TestDatabase.PASSWORD));
        jdbi.getConfig(Extensions.class).registerConfigCustomizerFactory(
            new ConfigCustomizerFactory() {
                @Override
                public Collection<ConfigCustomizer> forExtensionMethod(Class<?> type,
                                                                       Method method) {
                    return List.of(config -> BUILT.add(method.getName()));
                }
            });
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE notes (id BIGINT AUTO_INCREMENT "
            + "PRIMARY KEY, body VARCHAR(20) NOT NULL)"));
    }

    @AfterAll
    static void drop() {
        DB.drop();
    }

    @Test
    void aDaoBuildsTheHandlersOfTheMethodsCalledOnlyAndWorksAsJdbisOwn() {
        try (Handle handle = jdbi.open()) {
            BUILT.clear();
            NoteDao notes = handle.attach(NoteDao.class);
            notes.clear();
            notes.addPair("um", "dois");
            notes.add("três");
            notes.add("quatro");

            assertThat(notes.all()).extracting(Note::body)
                .containsExactly("um", "dois", "três", "quatro");
            assertThat(BUILT).as("one handler per method called, none for count")
                .containsExactlyInAnyOrder("clear", "addPair", "add", "all");
            assertThat(notes).isEqualTo(notes).isNotEqualTo(handle.attach(NoteDao.class));
            assertThat(notes.toString()).contains("NoteDao");
        }
    }

    @Test
    void aTransactionalDefaultMethodRollsBackAsAWhole() {
        NoteDao notes = jdbi.onDemand(NoteDao.class);
        notes.clear();

        assertThatThrownBy(() -> notes.addPair("um", null))
            .hasMessageContaining("cannot be null");
        assertThat(notes.count()).isZero();
    }
}
