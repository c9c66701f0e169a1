package org.hacktrail.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @GraphQlTest} slice needs besides the controllers it names: the schema's
 * scalars and the query limits ({@link GraphQlConfiguration}) and the domain error
 * mapping ({@link DomainErrorResolver}), so that a controller answers in a slice as it
 * does in the service.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.class)
@Import({ GraphQlConfiguration.class, DomainErrorResolver.class })
public class GraphQlSlice {

}
