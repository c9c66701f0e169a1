package org.hacktrail.team;

import org.jspecify.annotations.Nullable;

/**
 * The government agency a team works with, e.g. 衛生福利部, 長期照顧司. A PRESIDENTIAL hackathon
 * can require one before a proposal becomes FINALIST.
 */
public record PartnerAgency(String name, @Nullable String department) {

}
