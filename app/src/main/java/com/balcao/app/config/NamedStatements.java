package com.balcao.app.config;

import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Names each DAO statement in a leading comment ({@code /* MessageDao.insert *}{@code /}), as
 * Dropwizard's engine does, for the database's process list and slow log. Unlike that engine it
 * parses a template once: Jdbi caches what {@link #parse} returns, where a rendering engine
 * lexes every statement it runs again.
 */
public final class NamedStatements implements TemplateEngine.Parsing {
    private final TemplateEngine.Parsing attributes = new DefinedAttributeTemplateEngine();

    @Override
    public Optional<Function<StatementContext, String>> parse(String template,
                                                              ConfigRegistry config) {
        Function<StatementContext, String> body = attributes.parse(template, config)
            .orElse(ctx -> template);
        return Optional.of(ctx -> name(ctx.getExtensionMethod()) + body.apply(ctx));
    }

    private static String name(ExtensionMethod method) {
        if (method == null) {
            return "";
        }
        String type = method.getType().getSimpleName();
        return "/* " + (type.isEmpty() ? "" : type + ".") + method.getMethod().getName()
            + " */ ";
    }
}
