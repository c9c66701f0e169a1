package org.hacktrail.judging;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeUtil;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every judging mutation answers with a Java type named as the schema names its payload
 * ({@code saveScoreSheet} → {@code SaveScoreSheetPayload}), one Java type per schema
 * type, so that reading either side leads to the other.
 */
class PayloadNamesTests {

	@Test
	void everyJudgingMutationReturnsTheJavaTypeNamedAsItsSchemaPayload() throws IOException {
		Map<String, String> schema = mutationPayloads();
		Map<String, String> java = new TreeMap<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.hacktrail.judging")) {
			for (Method method : type.reflect().getDeclaredMethods()) {
				MutationMapping mapping = method.getAnnotation(MutationMapping.class);
				if (mapping != null) {
					String field = StringUtils.hasText(mapping.name()) ? mapping.name() : method.getName();
					java.put(field, method.getReturnType().getSimpleName());
				}
			}
		}
		assertThat(java).as("judging's mutations").isNotEmpty();
		java.forEach((field, payload) -> assertThat(payload).as("Java type answering %s", field)
			.isEqualTo(schema.get(field)));
	}

	/** Mutation field → its payload type's name, from every schema file. */
	static Map<String, String> mutationPayloads() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
			registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
		}
		Map<String, String> payloads = new TreeMap<>();
		registry.getType("Mutation", ObjectTypeDefinition.class)
			.ifPresent((mutation) -> add(payloads, mutation.getFieldDefinitions()));
		for (ObjectTypeExtensionDefinition extension : registry.objectTypeExtensions()
			.getOrDefault("Mutation", List.of())) {
			add(payloads, extension.getFieldDefinitions());
		}
		return payloads;
	}

	private static void add(Map<String, String> payloads, List<FieldDefinition> fields) {
		for (FieldDefinition field : fields) {
			payloads.put(field.getName(), ((TypeName) TypeUtil.unwrapAll(field.getType())).getName());
		}
	}

}
