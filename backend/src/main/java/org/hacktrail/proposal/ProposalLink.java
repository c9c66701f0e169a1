package org.hacktrail.proposal;

/** A typed link of a proposal; always http or https. */
public record ProposalLink(LinkType type, String url) {
}
