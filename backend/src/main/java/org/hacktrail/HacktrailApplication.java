package org.hacktrail;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Hacktrail follows civic-tech hackathon projects from the pitch to public service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HacktrailApplication {

	public static void main(String[] args) {
		SpringApplication.run(HacktrailApplication.class, args);
	}

}
