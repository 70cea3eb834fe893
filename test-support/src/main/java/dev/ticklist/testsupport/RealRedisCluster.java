package dev.ticklist.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Points a Spring test's Kafka at the JVM's shared real broker ({@link Infrastructure#shared()})
 * and its Redis at the JVM's shared local Redis Cluster
 * ({@link dev.ticklist.testsupport.local.LocalRedisCluster#shared()}), through
 * {@code spring.data.redis.cluster.nodes} only, as an operator would configure a deployment.
 * Use instead of {@link RealInfrastructure}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = RealRedisClusterInitializer.class)
public @interface RealRedisCluster {
}
