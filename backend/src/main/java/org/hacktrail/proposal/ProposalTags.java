package org.hacktrail.proposal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The issue areas a proposal (and a project) can be tagged with. Configurable with
 * {@code hacktrail.proposals.tags} (a list of {@code id}, {@code zhTW}, {@code en});
 * without configuration, the defaults below. Ids are stable (stored on proposals and in
 * CSV files); labels may change.
 */
@Component
public class ProposalTags {

	/** One issue area. */
	public record Tag(String id, String zhTW, String en) {
	}

	/** {@code hacktrail.proposals.*} settings. */
	@ConfigurationProperties("hacktrail.proposals")
	public record Properties(@Nullable List<Tag> tags) {
	}

	static final List<Tag> DEFAULTS = List.of(new Tag("open-government", "開放政府", "Open government"),
			new Tag("environment", "環境", "Environment"), new Tag("net-zero", "淨零轉型", "Net-zero transition"),
			new Tag("disaster-prevention", "防災", "Disaster prevention"),
			new Tag("social-welfare", "社會福利", "Social welfare"), new Tag("education", "教育", "Education"),
			new Tag("health", "醫療健康", "Health"), new Tag("digital-resilience", "數位韌性", "Digital resilience"),
			new Tag("culture", "文化", "Culture"), new Tag("transportation", "交通", "Transportation"),
			new Tag("agriculture", "農業", "Agriculture"), new Tag("open-data", "開放資料", "Open data"),
			new Tag("civic-participation", "公民參與", "Civic participation"),
			new Tag("media-literacy", "媒體識讀", "Media literacy"), new Tag("gender-equality", "性別平等", "Gender equality"),
			new Tag("accessibility", "無障礙", "Accessibility"), new Tag("labour", "勞動", "Labour"),
			new Tag("other", "其他", "Other"));

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private final List<Tag> tags;

	private final Map<String, Tag> byId = new LinkedHashMap<>();

	private final Map<String, Tag> byLabel = new LinkedHashMap<>();

	ProposalTags(Properties properties) {
		this.tags = (properties.tags() == null || properties.tags().isEmpty()) ? DEFAULTS
				: List.copyOf(properties.tags());
		Set<String> ids = new HashSet<>();
		for (Tag tag : this.tags) {
			if (tag.id() == null || !ID.matcher(tag.id()).matches() || !ids.add(tag.id())) {
				throw new IllegalStateException("hacktrail.proposals.tags: every tag needs a unique id of lower-case "
						+ "letters, digits and hyphens (e.g. open-government); '" + tag.id() + "' is not");
			}
			this.byId.put(tag.id(), tag);
			this.byLabel.put(Keys.title(tag.id()), tag);
			if (tag.zhTW() != null) {
				this.byLabel.putIfAbsent(Keys.title(tag.zhTW()), tag);
			}
			if (tag.en() != null) {
				this.byLabel.putIfAbsent(Keys.title(tag.en()), tag);
			}
		}
	}

	public List<Tag> all() {
		return this.tags;
	}

	public List<String> ids() {
		return new ArrayList<>(this.byId.keySet());
	}

	/**
	 * The tag with this id; for an id no longer configured, a tag whose labels are the
	 * id.
	 */
	public Tag label(String id) {
		Tag tag = this.byId.get(id);
		return (tag != null) ? tag : new Tag(id, id, id);
	}

	public boolean exists(String id) {
		return this.byId.containsKey(id);
	}

	/**
	 * The tag a person meant: its id, or its Chinese or English label (case and width
	 * ignored).
	 */
	public Optional<Tag> resolve(String idOrLabel) {
		Tag tag = this.byId.get(idOrLabel.strip());
		return (tag != null) ? Optional.of(tag) : Optional.ofNullable(this.byLabel.get(Keys.title(idOrLabel)));
	}

}
