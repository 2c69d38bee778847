package com.bedrockusage.job.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.util.concurrent.Callable;

/**
 * The MSF jar in job/target, loaded on its own ({@link ShadedJarClassLoader}), with reflective
 * calls into it. Calls run with the jar as context class loader, as Flink's user-code class loader
 * is on MSF (Iceberg and the AWS SDK load classes by name through it).
 */
public final class ShadedJar implements AutoCloseable {

    private final URLClassLoader loader;

    private ShadedJar(URLClassLoader loader) {
        this.loader = loader;
    }

    public static ShadedJar inTarget() throws Exception {
        File[] candidates = new File("target").listFiles((dir, name) -> name.endsWith("-msf.jar"));
        assertThat(candidates).as("shaded jar in job/target (run mvn package first)").hasSize(1);
        return new ShadedJar(ShadedJarClassLoader.of(candidates[0]));
    }

    public Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, true, loader);
    }

    /** A public static method, found by name and the arguments' types. */
    public Object callStatic(String type, String method, Object... args) throws Exception {
        return invoke(load(type), null, method, args);
    }

    /**
     * A method through the public type that declares it (the implementations may be
     * package-private).
     */
    public Object call(Object target, String declaringType, String method, Object... args)
            throws Exception {
        return invoke(load(declaringType), target, method, args);
    }

    public <T> T withContextLoader(Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Object invoke(Class<?> type, Object target, String method, Object[] args)
            throws Exception {
        // static: the type's own methods, package-private ones too; instance: the public ones,
        // inherited included
        Method[] candidates = target == null ? type.getDeclaredMethods() : type.getMethods();
        for (Method m : candidates) {
            if (m.getName().equals(method) && accepts(m.getParameterTypes(), args)) {
                m.setAccessible(true);
                return withContextLoader(() -> m.invoke(target, args));
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + method);
    }

    private static boolean accepts(Class<?>[] types, Object[] args) {
        if (types.length != args.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            if (!types[i].isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        loader.close();
    }
}
