package org.hacktrail.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every versioned document declares a unique index on exactly {@code (_id, version)}. A
 * versioned save sends the filter {@code {_id, version}}, and the embedded store uses an
 * index only when a query names exactly its fields: without this index every save of such
 * a document scans its whole collection (score sheets did, 30,000 of them).
 */
class VersionedWritesIndexTests {

	static final String ID_VERSION = "{'_id': 1, 'version': 1}";

	@Test
	void everyVersionedDocumentHasAnIdVersionIndex() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Document.class));
		List<String> versioned = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.hacktrail")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			boolean hasVersion = Arrays.stream(type.getDeclaredFields())
				.anyMatch((Field field) -> field.isAnnotationPresent(Version.class));
			if (!hasVersion) {
				continue;
			}
			versioned.add(type.getSimpleName());
			boolean indexed = Arrays.stream(type.getAnnotationsByType(CompoundIndex.class))
				.anyMatch(
						(index) -> index.unique() && index.def().replace(" ", "").equals(ID_VERSION.replace(" ", "")));
			if (!indexed) {
				missing.add(type.getName());
			}
		}
		assertThat(versioned).as("the scan finds the versioned documents").contains("ScoreSheet", "Proposal", "Team");
		assertThat(missing).as("versioned documents without a unique (_id, version) index").isEmpty();
	}

}
