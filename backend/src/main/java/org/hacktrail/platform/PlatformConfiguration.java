package org.hacktrail.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
