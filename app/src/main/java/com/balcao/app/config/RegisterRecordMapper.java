package com.balcao.app.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jdbi.v3.core.extension.annotation.UseExtensionConfigurer;

/**
 * Maps rows to the given type through its constructor, as Jdbi's
 * {@code @RegisterConstructorMapper} does, with the matching of columns to parameters worked out
 * once per column list (see {@link RecordMappers}) instead of on every query.
 */
@UseExtensionConfigurer(RecordMappers.Configurer.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RegisterRecordMapper {
    /** The mapped type. */
    Class<?> value();
}
