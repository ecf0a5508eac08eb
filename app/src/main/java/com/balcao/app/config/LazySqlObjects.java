package com.balcao.app.config;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ConfigCustomizerFactory;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.ExtensionHandlerCustomizer;
import org.jdbi.v3.core.extension.ExtensionHandlerFactory;
import org.jdbi.v3.core.extension.ExtensionMetadata.ExtensionHandlerInvoker;
import org.jdbi.v3.core.extension.ExtensionMetadata;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

/**
 * SQL objects exactly as Jdbi's SqlObject plugin makes them, except that a method's handler is
 * built the first time the method is called instead of every handler when the object is
 * attached. Building one copies the configuration and looks up the mappers and arguments of
 * its method, so attaching a DAO of twenty methods to call one of them (every call of an
 * on-demand DAO attaches it afresh) cost twenty of those; now it costs one.
 */
final class LazySqlObjects implements ExtensionFactory {
    private final ExtensionFactory sqlObjects;

    private LazySqlObjects(ExtensionFactory sqlObjects) {
        this.sqlObjects = sqlObjects;
    }

    /** Puts this factory ahead of the SqlObject plugin's, which must be installed already. */
    static void install(Jdbi jdbi) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class)
            .orElseThrow(() -> new IllegalStateException("The SqlObject plugin is not installed"));
        extensions.register(new LazySqlObjects(sqlObjects));
    }

    /** The factory that attaches the app's DAOs. */
    static ExtensionFactory of(Jdbi jdbi) {
        return jdbi.getConfig(Extensions.class).findFactory(LazySqlObjects.class)
            .orElseThrow(() -> new IllegalStateException("Lazy SQL objects are not installed"));
    }

    @Override
    public boolean accepts(Class<?> extensionType) {
        return sqlObjects.accepts(extensionType);
    }

    @Override
    public Collection<ExtensionHandlerFactory> getExtensionHandlerFactories(
        ConfigRegistry config) {
        return sqlObjects.getExtensionHandlerFactories(config);
    }

    @Override
    public Collection<ExtensionHandlerCustomizer> getExtensionHandlerCustomizers(
        ConfigRegistry config) {
        return sqlObjects.getExtensionHandlerCustomizers(config);
    }

    @Override
    public Collection<ConfigCustomizerFactory> getConfigCustomizerFactories(
        ConfigRegistry config) {
        return sqlObjects.getConfigCustomizerFactories(config);
    }

    @Override
    public void buildExtensionMetadata(ExtensionMetadata.Builder builder) {
        sqlObjects.buildExtensionMetadata(builder);
    }

    @Override
    public Set<FactoryFlag> getFactoryFlags() {
        // This factory makes its own proxy; Jdbi's would build every handler up front.
        return EnumSet.of(FactoryFlag.DONT_USE_PROXY);
    }

    @Override
    public <E> E attach(Class<E> extensionType, HandleSupplier handleSupplier) {
        ConfigRegistry config = handleSupplier.getConfig();
        Extensions extensions = config.get(Extensions.class);
        extensions.onCreateProxy();
        ExtensionMetadata metadata = extensions.findMetadata(extensionType, this);
        ConfigRegistry instanceConfig = metadata.createInstanceConfiguration(config);
        Set<Method> methods = metadata.getExtensionMethods();
        Map<Method, ExtensionHandlerInvoker> invokers = new ConcurrentHashMap<>();
        return extensionType.cast(Proxy.newProxyInstance(extensionType.getClassLoader(),
            new Class<?>[] {extensionType}, (proxy, method, args) -> {
                if (!methods.contains(method)) {
                    return objectMethod(extensionType, proxy, method, args);
                }
                return invokers.computeIfAbsent(method, m -> metadata
                    .createExtensionHandlerInvoker(proxy, m, handleSupplier, instanceConfig))
                    .invoke(args);
            }));
    }

    private static Object objectMethod(Class<?> extensionType, Object proxy, Method method,
                                       Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "Jdbi extension for " + extensionType.getName() + "@"
                + Integer.toHexString(System.identityHashCode(proxy));
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }
}
