package org.hacktrail.proposal;

import org.jspecify.annotations.Nullable;

/**
 * A typed link of a proposal; always http or https.
 *
 * @param label the words the link stood under where it came from (a 松後推坑 page's
 * {@code 專案相關影片：}), kept so that the page can be written back as it was; null when the
 * link had none or its type's usual one
 */
public record ProposalLink(LinkType type, String url, @Nullable String label) {

	/** A link without a label. */
	public ProposalLink(LinkType type, String url) {
		this(type, url, null);
	}

}
