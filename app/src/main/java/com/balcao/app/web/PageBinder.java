package com.balcao.app.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.function.Supplier;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.process.internal.RequestScoped;

/** Lets resources take the request's {@link Page} as a {@code @Context Page} parameter. */
final class PageBinder extends AbstractBinder {
    @Override
    protected void configure() {
        bindFactory(PageSupplier.class).to(Page.class).in(RequestScoped.class);
    }

    static final class PageSupplier implements Supplier<Page> {
        private final ContainerRequestContext request;

        @Inject
        PageSupplier(ContainerRequestContext request) {
            this.request = request;
        }

        @Override
        public Page get() {
            return (Page) request.getProperty(Page.PROPERTY);
        }
    }
}
